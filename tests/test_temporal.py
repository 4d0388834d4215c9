"""Temporal expressions: the seeds' resolution table, other languages, impossible dates, no publish date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsfold.temporal import date_order, find_dates, parse_published, scan_article, scan_dates

THU = dt.date(2022, 2, 17)  # the seeds' reply day, a Thursday
WED = dt.date(2022, 1, 26)  # the TASS report, a Wednesday


def _values(sentence: str, published: dt.date | None = THU, lang: str | None = "en") -> list[str]:
    return [m.value for m in find_dates(sentence, published=published, lang=lang)]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Blinken at a meeting in Geneva on January 21 promised replies.", WED, ["2022-01-21"]),
        ("Lavrov told the State Duma on Wednesday that Moscow would not wait.", WED, ["2022-01-26"]),
        ("The Foreign Ministry on December 17 published the drafts.", WED, ["2021-12-17"]),
        ("At a meeting with the president on Monday, Lavrov said the reply was ready.", THU, ["2022-02-14"]),
        ("On Tuesday, Lavrov and Blinken stressed the need for joint work.", THU, ["2022-02-15"]),
        ("Last December, Russia submitted two draft agreements.", THU, ["2021-12"]),
        ("In late January, the US and NATO provided written responses.", THU, ["2022-01"]),
        ("On January 26, Washington presented its written proposals.", THU, ["2022-01-26"]),
        ("Lavrov said on Thursday that the letter would go out.", THU, ["2022-02-17"]),
        ("On Wednesday, Blinken reaffirmed his readiness to meet Lavrov.", THU, ["2022-02-16"]),
        ("Russia will submit its response today, the minister said.", THU, ["2022-02-17"]),
        ("Moscow published its suggestions in late 2021 as tensions flared.", THU, ["2021"]),
        ("Yesterday the ministry issued a statement.", THU, ["2022-02-16"]),
    ],
)
def test_seed_expressions_resolve_against_the_reports_publish_date(
    sentence: str, published: dt.date, expected: list[str]
) -> None:
    assert _values(sentence, published) == expected


def test_future_tense_looks_forward() -> None:
    assert _values("The ministers will meet on Monday in Geneva.") == ["2022-02-21"]
    assert _values("The vote is set for Friday in the capital.") == ["2022-02-18"]
    assert _values("The vote took place on Friday in the capital.") == ["2022-02-11"]
    assert _values("The summit will be held on March 3.") == ["2022-03-03"]
    assert _values("The summit was held on March 3.") == ["2021-03-03"]
    assert _values("They meet next Tuesday.") == ["2022-02-22"]
    assert _values("They met last Thursday.") == ["2022-02-10"]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("The verdict is expected on March 10.", "en", "2022-03-10"),
        ("Le verdict est attendu le 10 mars.", "fr", "2022-03-10"),
        ("Les élections sont prévues le 3 mars.", "fr", "2022-03-03"),
        ("Las elecciones están convocadas para el 3 de marzo.", "es", "2022-03-03"),
        ("La votación está programada para el 3 de marzo.", "es", "2022-03-03"),
        ("As eleições estão marcadas para 3 de março.", "pt", "2022-03-03"),
        ("La sentenza è attesa il 3 marzo.", "it", "2022-03-03"),
        ("Le elezioni, fissate per il 3 marzo, restano in dubbio.", "it", "2022-03-03"),
        ("Die Abstimmung ist für den 3. März angesetzt.", "de", "2022-03-03"),
    ],
)
def test_a_date_something_is_planned_for_looks_forward_without_a_future_verb(
    sentence: str, lang: str, expected: str
) -> None:
    # published 17 February 2022: a past "3 March" would be 2021's; a plan's date is the coming one
    assert _values(sentence, lang=lang) == [expected]
    no_plan = "Le scrutin du 3 mars a été fixé par décret."  # the date of what was fixed, not a plan: past
    assert _values(no_plan, lang="fr") == ["2021-03-03"]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        (
            "El alto el fuego entró en vigor en la madrugada del domingo y durará tres días.",
            "es",
            "2022-02-13",
        ),
        ("La trêve est entrée en vigueur dimanche et durera trois jours.", "fr", "2022-02-13"),
        ("La tregua è entrata in vigore domenica e durerà tre giorni.", "it", "2022-02-13"),
        ("Ministers met on Monday and will meet again in Geneva.", "en", "2022-02-14"),
        (
            "Ministers will meet on Monday and will decide then.",
            "en",
            "2022-02-21",
        ),  # the future is the date's own
    ],
)
def test_a_coordinated_future_after_the_date_is_another_clause(
    sentence: str, lang: str, expected: str
) -> None:
    assert _values(sentence, lang=lang) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "published", "expected"),
    [
        # no tense cue in running text: the nearer one, weeks ahead
        ("Une hausse des tarifs du gaz dès le 1er janvier.", "fr", dt.date(2018, 12, 18), "2019-01-01"),
        ("Obbligo di mascherina all'aperto fino al 31 gennaio.", "it", dt.date(2021, 12, 23), "2022-01-31"),
        ("Los españoles, llamados a las urnas el 25 de mayo.", "es", dt.date(2014, 5, 11), "2014-05-25"),
        # a past verb anywhere in the sentence: the past one
        ("Os manifestantes derrubaram Mubarak em 11 de fevereiro.", "pt", dt.date(2012, 1, 25), "2011-02-11"),
        ("The protest on March 3 drew thousands of people.", "en", dt.date(2022, 2, 20), "2021-03-03"),
        (
            "La mattina dell'8 maggio, all'alba, si e' rotto il timone.",
            "it",
            dt.date(2011, 12, 27),
            "2011-05-08",
        ),
        # a chronicle's or a dateline's date is past, verbless as its line is
        ("1 gennaio, rissa a Porto Empedocle.", "it", dt.date(2011, 12, 27), "2011-01-01"),
        (
            "(ANSA) - ROMA, 10 gen. - Nuove proteste davanti al Senato.",
            "it",
            dt.date(2011, 12, 27),
            "2011-01-10",
        ),
        (
            "Gian Joseph Morici 3 agosto alle ore 16:42 - Intervista ad Antonio Vaccarino",
            "it",
            dt.date(2011, 4, 7),
            "2010-08-03",
        ),
    ],
)
def test_a_day_without_a_year_in_a_clause_without_tense_is_the_nearer_one(
    sentence: str, lang: str, published: dt.date, expected: str
) -> None:
    assert expected in _values(sentence, published, lang)


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a past verb keeps a day without a year in the past, irregular or short as it may be
        ("He died on March 3 in Cairo.", "en", "2021-03-03"),
        ("A storm hit the coast on March 3.", "en", "2021-03-03"),
        ("Mubarak cadde il 3 marzo dopo settimane di proteste.", "it", "2021-03-03"),
        ("O presidente caiu em 3 de março após semanas de protestos.", "pt", "2021-03-03"),
        ("Die Wahl fand am 3. März in Kairo statt.", "de", "2021-03-03"),
        # "as planned", or a plan that a past verb of its clause says happened, is no plan ahead
        ("Die Wahl fand wie vorgesehen am 3. März statt.", "de", "2021-03-03"),
        ("Il vertice si è svolto il 3 marzo come programmato.", "it", "2021-03-03"),
        ("Les élections prévues le 3 mars ont eu lieu dans le calme.", "fr", "2021-03-03"),
        ("Le taux a été fixé à 2 % le 3 mars.", "fr", "2021-03-03"),
        # a present with a future after it: ahead, both ends of the range
        ("The Pope arrives in Lisbon on 3 March and will stay until 5 March.", "en", "2022-03-03"),
    ],
)
def test_past_verbs_and_as_planned_keep_the_past_side(sentence: str, lang: str, expected: str) -> None:
    assert _values(sentence, lang=lang)[0] == expected


WEDNESDAY = dt.date(2022, 2, 16)


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a present tense plans the coming weekday when it is the nearer one (Friday: 2 days ahead, 5 back) ...
        ("Lavrov meets Blinken in Geneva on Friday.", "en", "2022-02-18"),
        ("Am Donnerstag trifft Lawrow seinen Kollegen Blinken in Genf.", "de", "2022-02-17"),
        ("Neue Abstimmung am Freitag im Bundestag", "de", "2022-02-18"),
        ("Lavrov viaja na sexta-feira para Genebra.", "pt", "2022-02-18"),
        ("Лавров встречается с Блинкеном в пятницу в Женеве.", "ru", "2022-02-18"),
        # ... but not against a past verb, nor the nearer past day (Sunday: 3 back, 4 ahead), nor a stamp
        ("Lavrov met Blinken in Geneva on Friday.", "en", "2022-02-11"),
        ("Am Freitag hat Lawrow Blinken in Genf getroffen.", "de", "2022-02-11"),
        ("Der Kanzler reist am Sonntag nach Moskau.", "de", "2022-02-13"),
        ("Friday (AP) - The minister meets his counterpart.", "en", "2022-02-11"),
        # Italian, French and Spanish reports narrate the past in the present too: there the past day stays
        ("Lavrov incontra Blinken venerdì a Ginevra.", "it", "2022-02-11"),
        ("Lundi, le président annonce sa démission.", "fr", "2022-02-14"),
        ("El viernes, Lavrov se reúne con Blinken en Ginebra.", "es", "2022-02-11"),
    ],
)
def test_a_present_tense_plans_the_nearer_coming_weekday(sentence: str, lang: str, expected: str) -> None:
    assert _values(sentence, WEDNESDAY, lang) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # pre-tokenised corpora (crisis-it and its kin) write a space after an elision's apostrophe
        ("Les Égyptiens votent aujourd' hui .", "fr", ["2022-02-16"]),
        ("L' altro ieri i ribelli hanno ripreso Brega .", "it", ["2022-02-14"]),
        ("All' inizio di marzo i ribelli hanno preso Brega .", "it", ["2021-03"]),
    ],
)
def test_an_elision_with_a_space_after_its_apostrophe_is_the_same_word(
    sentence: str, lang: str, expected: list[str]
) -> None:
    assert _values(sentence, WEDNESDAY, lang) == expected


def test_an_italian_weekday_name_is_no_past_verb() -> None:
    # "venerdì" ends as a passato remoto does ("partì"): taken for one it kept the coming 18 February in the past
    assert (
        _values("Il vertice di venerdì si terrà a Ginevra il 18 febbraio.", WEDNESDAY, "it")[-1]
        == "2022-02-18"
    )
    assert (
        _values("Venerdì il ministro incontra i colleghi, il 18 febbraio.", WEDNESDAY, "it")[-1]
        == "2022-02-18"
    )


def test_precision_and_span() -> None:
    (m,) = find_dates("Russia sent it on 17 December 2021, officials said.", published=None, lang="en")
    assert (m.value, m.precision, m.text) == ("2021-12-17", "day", "17 December 2021")
    (m,) = find_dates("Late January saw more talks in Geneva.", published=THU, lang="en")
    assert (m.value, m.precision) == ("2022-01", "month")


def test_names_and_words_are_not_dates() -> None:
    assert _values("He said it, according to the “Russia Today” news website.") == []
    assert _values("Prices may march higher, the report said.") == []
    assert _values("The alliance withdrew to the positions of 1997.") == []
    assert _values("The plan cannot wait until today, he said.") == []


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Il presidente si è dimesso ieri sera dopo diciotto giorni.", "it", ["2022-02-16"]),
        ("Giovedì scorso il ministro ha incontrato l'ambasciatore.", "it", ["2022-02-10"]),
        ("Il vertice si terrà il 15 marzo a Roma.", "it", ["2022-03-15"]),
        ("Lo scorso 19 giugno è rientrato nel paese.", "it", ["2021-06-19"]),
        ("A fine gennaio le truppe hanno lasciato la città.", "it", ["2022-01"]),
        ("Am Montag traf Lavrow seinen Amtskollegen.", "de", ["2022-02-14"]),
        ("Die Gespräche begannen am 12. März 2021 in Genf.", "de", ["2021-03-12"]),
        ("Le ministre a déclaré hier que la réponse était prête.", "fr", ["2022-02-16"]),
        ("Le 1er mars 2021, les négociations ont repris.", "fr", ["2021-03-01"]),
        ("El 17 de diciembre de 2021 Rusia publicó sus propuestas.", "es", ["2021-12-17"]),
        ("El lunes pasado el canciller viajó a Ginebra.", "es", ["2022-02-14"]),
        ("Na terça-feira, o ministro falou com Blinken.", "pt", ["2022-02-15"]),
        ("Em 26 de janeiro Washington apresentou a proposta.", "pt", ["2022-01-26"]),
        ("Во вторник Лавров провёл переговоры.", "ru", ["2022-02-15"]),
        ("17 декабря 2021 года МИД опубликовал проекты.", "ru", ["2021-12-17"]),
        ("وقال لافروف يوم الخميس إن الرد جاهز", "ar", ["2022-02-17"]),
        ("نشرت الوزارة المسودات في 17 ديسمبر 2021", "ar", ["2021-12-17"]),
    ],
)
def test_languages(sentence: str, lang: str, expected: list[str]) -> None:
    assert _values(sentence, THU, lang) == expected


def test_numeric_dates() -> None:
    assert _values("Signed on 2021-12-17 in Moscow.") == ["2021-12-17"]
    assert _values("Firmato il 17/12/2021 a Mosca.", lang="it") == ["2021-12-17"]
    assert _values("Signed 12/17/2021 in Moscow.") == ["2021-12-17"]
    assert _values("Unterzeichnet am 17.12.2021 in Moskau.", lang="de") == ["2021-12-17"]


def test_impossible_and_far_future_dates_are_dropped_with_a_reason() -> None:
    scan = scan_dates("The deal was signed on February 30, 2021.", published=THU, lang="en")
    assert scan.mentions == ()
    assert [d.reason for d in scan.dropped] == ["impossible"]
    scan = scan_dates("The treaty expires on 1 March 2090.", published=THU, lang="en")
    assert scan.mentions == ()
    assert [d.reason for d in scan.dropped] == ["far_future"]


def test_without_publish_date_only_absolute_dates_count() -> None:
    scan = scan_dates("On Monday, after the talks of 17 December 2021, he left.", published=None, lang="en")
    assert [m.value for m in scan.mentions] == ["2021-12-17"]
    assert [d.reason for d in scan.dropped] == ["no_publish_date"]


def test_unknown_language_uses_english_rules() -> None:
    assert _values("Talks resumed on 17 December 2021.", lang="xx") == ["2021-12-17"]
    assert _values("Talks resumed on 17 December 2021.", lang=None) == ["2021-12-17"]


def test_parse_published() -> None:
    assert parse_published("2022-02-17T10:00:00+03:00") == THU
    assert parse_published("2022-02-17") == THU
    assert parse_published("17 Feb") is None
    assert parse_published(None) is None


WED_2015 = dt.date(2015, 2, 18)  # a retrospective's publish day, a Wednesday


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Venerdì 5 novembre la polizia ha arrestato dieci giornalisti.", "it", ["2010-11-05"]),
        ("In quella giornata di venerdì 27 giugno 1980 il volo partì in ritardo.", "it", ["1980-06-27"]),
        ("Il 7 novembre (domenica) le autorità hanno emesso un ordine.", "it", ["2010-11-07"]),
        ("Testimoni dicono che lunedì 9 sono stati esplosi colpi in città.", "it", ["2015-02-09"]),
        ("On Friday, November 5, 2010, the police came.", "en", ["2010-11-05"]),
        ("Am Freitag, 5. November, kam die Polizei.", "de", ["2010-11-05"]),
        ("El viernes 5 de noviembre llegó la policía.", "es", ["2010-11-05"]),
        ("Il vertice si terrà lunedì 23 febbraio a Roma.", "it", ["2015-02-23"]),
        ("On Friday 10 people died in the clashes.", "en", ["2015-02-13"]),
    ],
)
def test_a_weekday_with_its_date_is_one_expression(sentence: str, lang: str, expected: list[str]) -> None:
    # the weekday picks the year (or month) of the date it is written with, instead of counting from publication
    assert _values(sentence, WED_2015, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("La proclamazione era attesa tre giorni fa.", "it", ["2015-02-15"]),
        ("The talks collapsed 3 days ago.", "en", ["2015-02-15"]),
        ("Die Gespräche scheiterten vor zwei Tagen.", "de", ["2015-02-16"]),
        ("Les discussions ont échoué il y a cinq jours.", "fr", ["2015-02-13"]),
        ("Las conversaciones fracasaron hace 4 días.", "es", ["2015-02-14"]),
        ("Переговоры сорвались три дня назад.", "ru", ["2015-02-15"]),
        ("The tower was built 125 days ago.", "en", []),
    ],
)
def test_days_ago(sentence: str, lang: str, expected: list[str]) -> None:
    assert _values(sentence, WED_2015, lang) == expected


@pytest.mark.parametrize(
    ("sentences", "lang", "expected"),
    [
        (
            ["Troops entered the city on 14 March 2011.", "The next day the council met."],
            "en",
            ["2011-03-15"],
        ),
        (
            ["The vote was on 14 March 2011 and two days later the results came out."],
            "en",
            ["2011-03-14", "2011-03-16"],
        ),
        (
            ["Il 3 marzo 2011 i ribelli presero la città.", "Il giorno dopo, arrivò l'esercito."],
            "it",
            ["2011-03-04"],
        ),
        (
            ["Le 5 mars 2011, l'armée est entrée.", "La veille, les rebelles avaient fui."],
            "fr",
            ["2011-03-04"],
        ),
        (["Am 5. März 2011 begann der Angriff.", "Zwei Tage später kam die Antwort."], "de", ["2011-03-07"]),
        (
            ["El 5 de marzo de 2011 comenzó.", "Al día siguiente, el ejército se retiró."],
            "es",
            ["2011-03-06"],
        ),
        (["Em 5 de março de 2011 começou.", "No dia seguinte o exército recuou."], "pt", ["2011-03-06"]),
        (
            ["5 марта 2011 года начались протесты.", "На следующий день армия отступила."],
            "ru",
            ["2011-03-06"],
        ),
        (["في 5 مارس 2011 بدأ الهجوم.", "في اليوم التالي انسحب الجيش."], "ar", ["2011-03-06"]),
    ],
)
def test_the_next_day_counts_from_the_date_given_last(
    sentences: list[str], lang: str, expected: list[str]
) -> None:
    found = scan_article(sentences, published=dt.date(2011, 3, 20), lang=lang)
    assert [
        m.value for m in found[-1]
    ] == expected  # from the story's date, not from the 20 March publish date


def test_the_next_day_without_a_date_before_it_or_counted_from_an_event_is_dropped() -> None:
    pub = dt.date(2011, 3, 20)
    alone = scan_dates("The next day the council met.", published=pub, lang="en")
    assert alone.mentions == () and [d.reason for d in alone.dropped] == ["no_anchor"]
    event = scan_article(
        ["Troops entered the city on 14 March 2011.", "The day before the vote, police arrested him."],
        published=pub,
        lang="en",
    )
    assert event[1] == []
    assert (
        scan_article(
            ["Il 3 marzo 2011 cadde.", "Il giorno dopo la strage si dimise."], published=pub, lang="it"
        )[1]
        == []
    )
    # "في اليوم التالي" (the next day) holds "اليوم" (today): without a date before it, it is not today either
    assert find_dates("في اليوم التالي انسحب الجيش.", published=pub, lang="ar") == []
    # the anchor expires: "the next day" four sentences after the last date is not counted from it
    far = scan_article(
        ["It began on 14 March 2011.", "One.", "Two.", "Three.", "Four.", "The next day it ended."],
        published=pub,
        lang="en",
    )
    assert far[-1] == []
    assert _values("The day after tomorrow the talks resume.", THU) == ["2022-02-19"]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("The ministers will meet next week in Geneva.", "en", "2022-W08"),
        ("Last week, the talks stalled.", "en", "2022-W06"),
        ("The draft was sent two weeks ago.", "en", "2022-W05"),
        ("This week the reply arrived.", "en", "2022-W07"),
        ("Die Antwort kommt nächste Woche.", "de", "2022-W08"),
        ("Il documento è arrivato la settimana scorsa.", "it", "2022-W06"),
        ("La réponse est arrivée cette semaine.", "fr", "2022-W07"),
        ("La respuesta llegó hace dos semanas.", "es", "2022-W05"),
        ("A resposta chega na próxima semana.", "pt", "2022-W08"),
        ("Ответ придёт на следующей неделе.", "ru", "2022-W08"),
        ("وصل الرد الأسبوع الماضي.", "ar", "2022-W06"),
    ],
)
def test_weeks_resolve_to_iso_weeks(sentence: str, lang: str, expected: str) -> None:
    found = find_dates(sentence, published=THU, lang=lang)
    assert [(m.value, m.precision) for m in found] == [(expected, "week")]


@pytest.mark.parametrize(
    ("sentence", "lang", "published", "expected"),
    [
        # a day and month with its side after it: one expression, at day precision
        ("Il 3 marzo scorso si è tenuta la riunione.", "it", THU, "2021-03-03"),
        ("Il 3 marzo scorso si è tenuta la riunione.", "it", dt.date(2022, 4, 17), "2022-03-03"),
        ("Il 25 febbraio prossimo si terrà la riunione.", "it", THU, "2022-02-25"),
        ("Le 3 mars dernier, la réunion a eu lieu.", "fr", THU, "2021-03-03"),
        ("El 3 de marzo pasado se celebró la reunión.", "es", THU, "2021-03-03"),
        # German joins the part of the day to the weekday
        ("Die Minister trafen sich am Montagabend in Berlin.", "de", THU, "2022-02-14"),
        ("Am Freitagnachmittag wird abgestimmt.", "de", THU, "2022-02-18"),
        # ... and of last year: the year before publication, whatever the month
        ("Am 3. März vergangenen Jahres wurde gewählt.", "de", dt.date(2022, 4, 17), "2021-03-03"),
        ("3 марта прошлого года прошли выборы.", "ru", dt.date(2022, 4, 17), "2021-03-03"),
        ("Il 3 marzo dell'anno scorso si è votato.", "it", dt.date(2022, 4, 17), "2021-03-03"),
        ("Le 3 mars de l'année dernière, on a voté.", "fr", dt.date(2022, 4, 17), "2021-03-03"),
        ("On March 3 last year the vote was held.", "en", dt.date(2022, 4, 17), "2021-03-03"),
        ("В марте прошлого года прошли выборы.", "ru", dt.date(2022, 4, 17), "2021-03"),
        ("Im März vergangenen Jahres wurde gewählt.", "de", dt.date(2022, 4, 17), "2021-03"),
        ("In March last year the vote was held.", "en", dt.date(2022, 4, 17), "2021-03"),
    ],
)
def test_a_day_and_month_take_their_side_and_year_from_the_words_after_them(
    sentence: str, lang: str, published: dt.date, expected: str
) -> None:
    assert [m.value for m in find_dates(sentence, published=published, lang=lang)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("The law was passed three years ago.", "en", ("2019", "year")),
        ("A year ago, the crisis began.", "en", ("2021", "year")),
        ("Three months ago the army moved.", "en", ("2021-11", "month")),
        ("Tre anni fa la legge è passata.", "it", ("2019", "year")),
        ("Vor einem Jahr begann die Krise.", "de", ("2021", "year")),
        ("Il y a deux mois, la crise a commencé.", "fr", ("2021-12", "month")),
        ("Hace un año comenzó la crisis.", "es", ("2021", "year")),
        ("Há três meses a crise começou.", "pt", ("2021-11", "month")),
        ("Три года назад начался кризис.", "ru", ("2019", "year")),
    ],
)
def test_months_and_years_ago_resolve_to_their_month_or_year(
    sentence: str, lang: str, expected: tuple[str, str]
) -> None:
    found = find_dates(sentence, published=THU, lang=lang)
    assert [(m.value, m.precision) for m in found] == [expected]
    assert find_dates(sentence, published=None, lang=lang) == []  # relative: nothing without a publish date


def test_a_week_needs_the_publish_date_and_sorts_inside_its_month() -> None:
    assert _values("The ministers will meet next week.", published=None) == []
    values = ["2022-02-17", "2022-W07", "2022-02", "2022", "2022-02-13"]
    # 2022-W07 starts on Monday 14 February: after the 13th, before the 17th; a period before a day it starts on.
    assert sorted(values, key=date_order) == ["2022", "2022-02", "2022-02-13", "2022-W07", "2022-02-17"]
    assert sorted(["2022-02-14", "2022-W07"], key=date_order) == ["2022-W07", "2022-02-14"]


MAR_20 = dt.date(2011, 3, 20)  # a Sunday


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Dal 3 al 5 marzo si sono svolti scontri.", "it", ["2011-03-03", "2011-03-05"]),
        ("Nella notte tra il 19 e il 20 marzo sono cominciati i raid.", "it", ["2011-03-19", "2011-03-20"]),
        (
            "Il 3, 4 e 5 marzo gli aerei hanno bombardato Brega.",
            "it",
            ["2011-03-03", "2011-03-04", "2011-03-05"],
        ),
        ("L'8 e il 9 marzo scorsi la città è caduta.", "it", ["2011-03-08", "2011-03-09"]),
        ("Del 3 al 5 de marzo se registraron enfrentamientos.", "es", ["2011-03-03", "2011-03-05"]),
        ("El 3 y el 4 de marzo se registraron enfrentamientos.", "es", ["2011-03-03", "2011-03-04"]),
        ("Entre el 15 y el 17 de febrero estalló la protesta.", "es", ["2011-02-15", "2011-02-17"]),
        ("Du 3 au 5 mars, des affrontements ont eu lieu.", "fr", ["2011-03-03", "2011-03-05"]),
        ("Les 1er et 2 mars, des affrontements ont eu lieu.", "fr", ["2011-03-01", "2011-03-02"]),
        ("Vom 3. bis 5. März fanden Proteste statt.", "de", ["2011-03-03", "2011-03-05"]),
        ("Nos dias 3 e 4 de março houve protestos.", "pt", ["2011-03-03", "2011-03-04"]),
        ("С 3 по 5 марта прошли протесты.", "ru", ["2011-03-03", "2011-03-05"]),
        ("Protests took place on 3 and 4 March.", "en", ["2011-03-03", "2011-03-04"]),
        ("Protests took place from March 3 to 5 in Benghazi.", "en", ["2011-03-03", "2011-03-05"]),
        # not lists: a count before the date, days that do not rise, a figure after an English date
        ("Il bilancio è salito a 2, il 3 marzo.", "it", ["2011-03-03"]),
        ("I morti sono saliti a 25 e il 3 marzo sono scesi.", "it", ["2011-03-03"]),
        ("On March 3 and 4 people died.", "en", ["2011-03-03"]),
    ],
)
def test_every_day_of_a_range_or_list_takes_the_month_written_after_it(
    sentence: str, lang: str, expected: list[str]
) -> None:
    assert _values(sentence, MAR_20, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("DAMASCO, 15 mar (Reuters) - Las fuerzas sirias dispararon.", "es", ["2011-03-15"]),
        ("Madrid, 15 mar (EFE).- El Gobierno anunció medidas.", "es", ["2011-03-15"]),
        ("El 3 sep. 2010 salió del país.", "es", ["2010-09-03"]),
        ("Le 3 janv. 2011, il a quitté le pays.", "fr", ["2011-01-03"]),
        ("(ANSA) - ROMA, 15 MAR - Il governo ha deciso.", "it", ["2011-03-15"]),
        ("Roma, 20 dic. (AdnKronos) - Il ministro ha parlato.", "it", ["2010-12-20"]),
        # alone, a short form is another word: a tennis score, the sea
        ("Ha vinto in 3 set la finale.", "it", []),
        ("Se perdió en el mar 15 días.", "es", []),
    ],
)
def test_abbreviated_months_after_a_day_in_datelines(sentence: str, lang: str, expected: list[str]) -> None:
    assert _values(sentence, MAR_20, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("El 15-03-2011 se aprobó la resolución.", "es", ["2011-03-15"]),
        ("Publicado el 17/03/11 a las 10:00.", "es", ["2011-03-17"]),
        ("Am 15.03.11 begann der Einsatz.", "de", ["2011-03-15"]),
        ("commento del 26/11/78 di Alberto Statera", "it", ["1978-11-26"]),
        ("Il database è del 2011/03/15.", "it", ["2011-03-15"]),
        # a two-digit year after a day and month: with an apostrophe, or before punctuation
        ("L'8 febbraio '90 fu ucciso.", "it", ["1990-02-08"]),
        ("8 febbraio 90, a Palma, fu ucciso un uomo.", "it", ["1990-02-08"]),
        ("Il 3 marzo 15 persone sono morte.", "it", ["2011-03-03"]),
        # versions and addresses are no dates
        ("La versione 3.6.13 usa l'indirizzo 10.12.10.5.", "it", []),
    ],
)
def test_numeric_dates_with_dashes_and_two_digit_years(sentence: str, lang: str, expected: list[str]) -> None:
    assert _values(sentence, MAR_20, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("A week ago the protests began.", "en", "2011-W10"),
        ("Una settimana fa sono iniziate le proteste.", "it", "2011-W10"),
        ("Vor einer Woche begannen die Proteste.", "de", "2011-W10"),
        ("Il y a une semaine, la révolte a commencé.", "fr", "2011-W10"),
        ("Hace una semana comenzaron las protestas.", "es", "2011-W10"),
        ("Há uma semana começaram os protestos.", "pt", "2011-W10"),
        ("Неделю назад начались протесты.", "ru", "2011-W10"),
    ],
)
def test_a_week_ago(sentence: str, lang: str, expected: str) -> None:
    assert _values(sentence, MAR_20, lang) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Last night the strikes began.", "en", ["2011-03-19"]),
        ("Anoche hubo disparos en Homs.", "es", ["2011-03-19"]),
        ("La scorsa notte ci sono stati spari.", "it", ["2011-03-19"]),
        ("La nuit dernière, des tirs ont été entendus.", "fr", ["2011-03-19"]),
        # the first of the month written out, and the Spanish ordinal "1.º"
        ("Il primo marzo la Lega araba si è riunita.", "it", ["2011-03-01"]),
        ("El primero de marzo se manifestaron.", "es", ["2011-03-01"]),
        ("El 1.º de marzo se manifestaron.", "es", ["2011-03-01"]),
        ("Le premier mars, ils ont manifesté.", "fr", ["2011-03-01"]),
        # a side written before the day sets it whatever the verbs ("che voterà" is the announcement's content)
        ("Lo scorso 18 marzo il governo ha annunciato che voterà.", "it", ["2011-03-18"]),
        ("El pasado 25 de marzo el Gobierno anunció que votará.", "es", ["2010-03-25"]),
        ("Il prossimo 5 marzo si vota.", "it", ["2012-03-05"]),
        (
            "Scendere in piazza i prossimi 15, 16 e 17 marzo.",
            "it",
            ["2012-03-15", "2012-03-16", "2012-03-17"],
        ),
        # month first is English; elsewhere a number after a month is a figure
        ("A marzo 15 persone sono morte negli scontri.", "it", ["2011-03"]),
        # "прошли" (took place) is a verb, not "last": Sunday is the publish day
        ("В воскресенье прошли протесты.", "ru", ["2011-03-20"]),
    ],
)
def test_nights_first_days_and_sides(sentence: str, lang: str, expected: list[str]) -> None:
    assert _values(sentence, MAR_20, lang) == expected


SUN = dt.date(2022, 2, 20)  # the Sunday that ends the seeds' week


@pytest.mark.parametrize(
    ("sentence", "lang", "published", "expected"),
    [
        # last weekend: the one that ended the week before; this weekend: the one of the publish date's week
        ("Last weekend, 40 people were killed.", "en", THU, "2022-W06"),
        ("This weekend the talks resume.", "en", THU, "2022-W07"),
        ("Last weekend, 40 people were killed.", "en", SUN, "2022-W06"),  # on a Sunday: not the day before
        (
            "This past weekend the talks resumed.",
            "en",
            dt.date(2022, 2, 21),
            "2022-W07",
        ),  # on the Monday after
        ("Le week-end dernier, 40 personnes ont été tuées.", "fr", THU, "2022-W06"),
        ("Ce week-end, les négociations reprennent.", "fr", THU, "2022-W07"),
        ("El fin de semana pasado murieron 40 personas.", "es", THU, "2022-W06"),
        ("Este fin de semana se reanudan las conversaciones.", "es", THU, "2022-W07"),
        ("No fim de semana passado morreram 40 pessoas.", "pt", THU, "2022-W06"),
        ("Lo scorso fine settimana sono morte 40 persone.", "it", THU, "2022-W06"),
        ("Am vergangenen Wochenende wurden 40 Menschen getötet.", "de", THU, "2022-W06"),
        ("В прошлые выходные погибли 40 человек.", "ru", THU, "2022-W06"),
        ("На прошлых выходных погибли 40 человек.", "ru", THU, "2022-W06"),
        ("في عطلة نهاية الاسبوع الماضي قتل 40 شخصا.", "ar", THU, "2022-W06"),
    ],
)
def test_weekends_resolve_to_their_iso_week(
    sentence: str, lang: str, published: dt.date, expected: str
) -> None:
    found = find_dates(sentence, published=published, lang=lang)
    assert [(m.value, m.precision) for m in found] == [(expected, "week")]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Next weekend the talks resume.", "en"),
        ("Le week-end prochain, les négociations reprennent.", "fr"),
        ("El próximo fin de semana habrá elecciones.", "es"),
    ],
)
def test_next_weekend_is_dropped_as_ambiguous(sentence: str, lang: str) -> None:
    scan = scan_dates(sentence, published=THU, lang=lang)
    assert scan.mentions == () and [d.reason for d in scan.dropped] == ["ambiguous"]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # a month with a word before it and a year after it is that month of that year, not of the nearest one
        ("En mars 2011, 8.000 personnes sont mortes.", "fr", ["2011-03"]),
        ("All'inizio di settembre 2001 bin Laden era malato.", "it", ["2001-09"]),
        ("In early December 2012 the patch shipped.", "en", ["2012-12"]),
        ("Restò in carica fino al novembre 2017.", "it", ["2017-11"]),  # not the nearest November, 2021
        ("En mars 3000 personnes sont mortes.", "fr", ["2021-03"]),  # a figure after the month, no year
        ("A marzo 1500 lavoratori hanno scioperato.", "it", ["2021-03"]),
        # period words before a year
        ("A comienzos de 2012 la crisis se agravó.", "es", ["2012"]),
        ("Durante 2011 murieron miles de personas.", "es", ["2011"]),
        ("Pendant 2011, la crise a duré.", "fr", ["2011"]),
        # counts in the feminine (Russian weeks) and the Arabic dual
        ("Две недели назад ООН призвала к прекращению огня.", "ru", ["2022-W05"]),
        ("قبل يومين قتل 12 جنديا.", "ar", ["2022-02-15"]),
        ("منذ أسبوعين طالبت الأمم المتحدة بوقف إطلاق النار.", "ar", ["2022-W05"]),
        ("منذ شهرين بدأت الاحتجاجات.", "ar", ["2021-12"]),
        ("منذ عامين بدأت الثورة.", "ar", ["2020"]),
    ],
)
def test_period_words_and_counts_in_other_languages(sentence: str, lang: str, expected: list[str]) -> None:
    assert _values(sentence, THU, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Les élections auront lieu dans deux semaines.", "fr", ["2022-W09"]),
        ("Dentro de dos semanas habrá elecciones.", "es", ["2022-W09"]),
        ("Il cessate il fuoco scatterà tra una settimana.", "it", ["2022-W08"]),
        ("Tra tre giorni si vota.", "it", ["2022-02-20"]),
        ("Daqui a um mês haverá eleições.", "pt", ["2022-03"]),
        ("Через две недели состоятся выборы.", "ru", ["2022-W09"]),
        ("In zwei Wochen wird gewählt.", "de", ["2022-W09"]),
        ("The vote will be held two weeks from now.", "en", ["2022-W09"]),
        ("In three days' time the talks resume.", "en", ["2022-02-20"]),
        ("Dans un an, la guerre sera finie.", "fr", ["2023"]),
        # how long something took, not when: no date
        ("The bridge was built in two weeks.", "en", []),
        ("Die Brücke wurde in zwei Wochen gebaut.", "de", []),
        ("Una tregua tra 2 e 3 giorni, non di più.", "it", []),  # "between": no count right after "tra"
    ],
)
def test_a_span_from_now_counts_forward_from_the_publish_date(
    sentence: str, lang: str, expected: list[str]
) -> None:
    assert _values(sentence, THU, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "published", "expected"),
    [
        # the future's third person singular and the simple conditional (reported plans) look forward ...
        (
            "Le sommet extraordinaire de l'UE se tiendra le 11 mars.",
            "fr",
            dt.date(2011, 3, 1),
            ["2011-03-11"],
        ),
        ("Le ramadan débutera début août.", "fr", dt.date(2011, 6, 6), ["2011-08"]),
        (
            "L'Otan a dit qu'elle mettrait fin à ses opérations le 31 octobre.",
            "fr",
            dt.date(2011, 10, 21),
            ["2011-10-31"],
        ),
        (
            "Un alto el fuego podría entrar en vigor a principios de abril.",
            "es",
            dt.date(2015, 3, 27),
            ["2015-04"],
        ),
        (
            "Die Vereinten Nationen wollen Ende April eine Geberkonferenz abhalten.",
            "de",
            dt.date(2015, 3, 27),
            ["2015-04"],
        ),
        # ... but not nouns that end like them, nor the conditional of "be" and "have" that reports a past
        ("Le retrait des troupes a commencé le 11 mars.", "fr", dt.date(2011, 3, 1), ["2010-03-11"]),
        ("Selon l'OSDH, il aurait été tué le 11 mars.", "fr", dt.date(2011, 3, 1), ["2010-03-11"]),
        ("Secondo fonti locali sarebbe stato ucciso il 3 marzo.", "it", dt.date(2011, 3, 1), ["2010-03-03"]),
        # a subordinate clause has its own tense: the weekday of the main clause stays in the past
        (
            "aseguró el martes en un discurso que la batalla terminará en 48 horas.",
            "es",
            dt.date(2011, 3, 17),
            ["2011-03-15"],
        ),
        (
            "Moubarak avait annoncé le 1er février qu'il ne se représenterait pas.",
            "fr",
            dt.date(2011, 2, 11),
            ["2011-02-01"],
        ),
        ("He said on Tuesday that talks will resume.", "en", dt.date(2011, 3, 17), ["2011-03-15"]),
        # a clause that is little more than its date takes in the rest of the sentence
        ("On Tuesday, ministers will meet.", "en", dt.date(2011, 3, 17), ["2011-03-22"]),
    ],
)
def test_the_tense_of_the_dates_own_clause_sets_its_side(
    sentence: str, lang: str, published: dt.date, expected: list[str]
) -> None:
    assert _values(sentence, published, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "published", "expected"),
    [
        ("Convocaron protestas para el viernes 30.", "es", dt.date(2011, 12, 28), ["2011-12-30"]),
        ("Llaman a una marcha el viernes 30 de diciembre.", "es", dt.date(2011, 12, 28), ["2011-12-30"]),
        (
            "Nella giornata di oggi, mercoledì 28 agosto, è stata fissata una sessione.",
            "it",
            dt.date(2013, 8, 27),
            ["2013-08-27", "2013-08-28"],
        ),
        # no such day ahead either: the past one its weekday names
        ("El viernes 11 de febrero cayó Mubarak.", "es", dt.date(2012, 2, 9), ["2011-02-11"]),
    ],
)
def test_a_weekday_with_its_date_may_be_a_few_days_ahead(
    sentence: str, lang: str, published: dt.date, expected: list[str]
) -> None:
    assert _values(sentence, published, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "published", "expected"),
    [
        ("Murieron 20 personas durante el fin de semana.", "es", dt.date(2011, 5, 2), ["2011-W17"]),
        ("Police arrested 20 people over the weekend.", "en", dt.date(2011, 5, 4), ["2011-W17"]),
        ("Talks will resume over the weekend.", "en", dt.date(2011, 5, 4), ["2011-W18"]),
        ("Die Arabische Liga kommt am Wochenende zusammen.", "de", dt.date(2015, 3, 27), ["2015-W13"]),
        (
            "120 membres des forces de sécurité ont été tués ce week-end.",
            "fr",
            dt.date(2011, 6, 6),
            ["2011-W22"],
        ),
        ("Il a été tué le week-end dernier.", "fr", dt.date(2011, 6, 8), ["2011-W22"]),
        ("Stores open on weekends.", "en", dt.date(2011, 5, 4), []),
    ],
)
def test_a_weekend_without_a_side_is_the_one_just_past_early_in_the_week(
    sentence: str, lang: str, published: dt.date, expected: list[str]
) -> None:
    assert _values(sentence, published, lang) == expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Candidates campaigned ahead of Super Tuesday.", "en"),
        ("Microsoft's monthly Patch Tuesday release cycle.", "en"),
        ("Shoppers queued on Black Friday.", "en"),
        ("Las procesiones del Viernes Santo.", "es"),
        ("Le défilé du mardi gras.", "fr"),
    ],
)
def test_named_days_are_not_weekdays(sentence: str, lang: str) -> None:
    assert _values(sentence, dt.date(2020, 2, 19), lang) == []


def test_spanish_back_references() -> None:
    mentions = scan_article(
        [
            "El 10 de febrero, Mubarak habló a la nación.",
            "Ese mismo día, miles marcharon.",
            "La víspera, el ejército se había reunido.",
        ],
        published=dt.date(2011, 2, 11),
        lang="es",
    )
    assert [[m.value for m in ms] for ms in mentions] == [["2011-02-10"], ["2011-02-10"], ["2011-02-09"]]


WED = dt.date(2023, 3, 8)  # the past Friday is 3 March, the coming one 10 March


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # what was said is in its own tense: a date right after the saying, or before it, dates the saying
        ("On Friday, the company said it would not renew the contract.", "en", "2023-03-03"),
        ("The company said on Friday it would not renew the contract.", "en", "2023-03-03"),
        ("Police said on Friday that the suspect will appear in court.", "en", "2023-03-03"),
        ("Moreno había dicho el viernes que no daría marcha atrás.", "es", "2023-03-03"),
        # a plan governs its subordinate clause, whatever its mood
        ("Il est prévu que le sommet ait lieu vendredi.", "fr", "2023-03-10"),
        ("Está previsto que el rey llegue el viernes.", "es", "2023-03-10"),
        ("È previsto che il vertice si svolga venerdì.", "it", "2023-03-10"),
        # a relative clause before the date starts the date's clause; one in a clause taken in does not end it
        (
            "Le autorità che hanno sequestrato venerdì il peschereccio, dice la stampa, ne risponderanno.",
            "it",
            "2023-03-03",
        ),
        ("El viernes, el Gobierno que preside Sánchez aprobará el decreto.", "es", "2023-03-10"),
        # past tenses that end like the future or the conditional
        ("Vendredi, le ministre assurait que la réforme était nécessaire.", "fr", "2023-03-03"),
        ("Vendredi, la réunion dura trois heures.", "fr", "2023-03-03"),
        ("Vendredi, l'attrait du dollar a pesé sur les marchés.", "fr", "2023-03-03"),
        ("El viernes, los manifestantes querían llegar al Congreso.", "es", "2023-03-03"),
        ("El viernes ocurrían enfrentamientos en el centro.", "es", "2023-03-03"),
        ("Na sexta-feira, os manifestantes queriam chegar ao Congresso.", "pt", "2023-03-03"),
        ("Venerdì il giudice potrebbe essere stato minacciato, secondo i legali.", "it", "2023-03-03"),
        ("El viernes, el detenido sería el autor del ataque, según la policía.", "es", "2023-03-03"),
        # the conditional of reported plans does look forward
        (
            "Le porte-parole a affirmé mercredi que Poutine rencontrerait vendredi ses homologues.",
            "fr",
            "2023-03-10",
        ),
        # a place named after a saint is no feast day
        ("El viernes Santa Fe celebró elecciones.", "es", "2023-03-03"),
        ("Na sexta-feira Santa Catarina registrou chuvas fortes.", "pt", "2023-03-03"),
        ("Samedi Saint-Étienne a battu Lyon.", "fr", "2023-03-04"),
    ],
)
def test_reported_speech_plans_and_past_tenses_take_their_side(
    sentence: str, lang: str, expected: str
) -> None:
    days = [m.value for m in find_dates(sentence, published=WED, lang=lang) if m.precision == "day"]
    assert days[-1:] == [expected]


def test_a_weekend_of_habit_is_no_date() -> None:
    assert _values("Le musée est ouvert le week-end.", WED, "fr") == []
    assert _values("Protesters clashed with police over the weekend.", dt.date(2023, 3, 9), "en") == [
        "2023-W09"
    ]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The museum opens every Friday at noon.", "en"),
        ("Le Newsletter del Corriere, ogni venerdì un nuovo appuntamento.", "it"),
        ("Jeden Freitag demonstrieren Schüler für das Klima.", "de"),
        ("Chaque vendredi, les manifestants se rassemblent.", "fr"),
        ("Cada viernes los manifestantes salen a la calle.", "es"),
        ("Toda sexta-feira os manifestantes saem às ruas.", "pt"),
        ("Каждую пятницу протестующие выходят на улицы.", "ru"),
    ],
)
def test_a_weekday_of_habit_is_no_date(sentence: str, lang: str) -> None:
    assert _values(sentence, WEDNESDAY, lang) == []
    # the same weekday without "every" is one
    assert _values("The board met on Friday.", WEDNESDAY) == ["2022-02-11"]


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The office is open Monday to Friday, 9am to 5pm.", "en"),
        ("Open Monday–Friday 9:00–17:00.", "en"),
        ("Öffnungszeiten: Bibliothek: Montag bis Freitag 14 - 17 Uhr", "de"),
        ("Ouvert du lundi au vendredi de 9h à 18h.", "fr"),
        ("Abierto de lunes a viernes de 9:00 a 14:00.", "es"),
        ("Aperto dal lunedì al venerdì dalle 9 alle 13.", "it"),
        ("Aberto de segunda-feira a sexta-feira, das 9h às 18h.", "pt"),
        ("Работаем с понедельника по пятницу с 9:00 до 18:00.", "ru"),
        ("مفتوح من الأحد إلى الخميس من 9 صباحا", "ar"),
    ],
)
def test_a_range_of_weekdays_with_clock_times_is_a_schedule_not_two_dates(sentence: str, lang: str) -> None:
    assert _values(sentence, WEDNESDAY, lang) == []


def test_a_weekday_quoted_alone_is_a_name() -> None:
    published = dt.date(2017, 6, 7)
    sentence = "Dieser Beitrag ist am 1. Juni 2017 in der Wochenzeitung „der Freitag“ erschienen."
    assert _values(sentence, published, "de") == ["2017-06-01"]
    assert _values("Un article paru dans «Le Vendredi».", published, "fr") == []
    # a quotation that only begins or ends with its weekday dates it
    assert _values("„Am Freitag“, sagte er, „stimmen wir ab.“", published, "de") == ["2017-06-02"]
    assert _values('"On Friday," he said, "we will vote."', published, "en") == ["2017-06-02"]


def test_a_range_of_weekdays_without_clock_times_stays_two_dates() -> None:
    assert _values("The summit runs Monday to Wednesday.", WEDNESDAY) == ["2022-02-14", "2022-02-16"]
    # a clock time later in the sentence belongs to another day; a single weekday with its hour is a date
    assert _values(
        "Voting runs Monday to Wednesday, and results are due at 18:00 on Thursday.", WEDNESDAY
    ) == [
        "2022-02-14",
        "2022-02-16",
        "2022-02-17",
    ]
    assert _values("Lavrov met Blinken on Friday at 10:00 in Geneva.", WEDNESDAY) == ["2022-02-11"]


def test_a_day_written_again_without_its_year_takes_the_year_the_article_gave_it() -> None:
    published = dt.date(2014, 3, 15)
    sentences = [
        "Il 15 marzo del 2011 iniziarono le proteste in Siria.",
        "Poi venne la guerra.",
        "Il 15 marzo, per la prima volta da molti anni, migliaia di persone scesero in piazza.",
        "Oggi, 15 marzo, si ricorda l'inizio della rivolta.",  # the publish day's own news: this year's
    ]
    values = [[m.value for m in found] for found in scan_article(sentences, published=published, lang="it")]
    assert values == [["2011-03-15"], [], ["2011-03-15"], ["2014-03-15", "2014-03-15"]]
    # far from where the year was written (a year's chronicle whose entries share a day), the rule does not reach
    far = [
        "Il 15 marzo del 2011 iniziarono le proteste.",
        *["Altro."] * 9,
        "Il 15 marzo, la polizia arrestò due uomini.",
    ]
    assert [m.value for m in scan_article(far, published=published, lang="it")[-1]] == ["2014-03-15"]


JUNE = dt.date(2024, 6, 6)  # a Thursday: the ECB's first cut since September 2019


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # an expectation in the present tense looks forward
        ("Analysts expect the central bank to cut rates again in September.", "en", "2024-09"),
        ("In July, most economists expect the bank to pause.", "en", "2024-07"),
        ("Les investisseurs anticipent une nouvelle baisse en septembre.", "fr", "2024-09"),
        ("Gli analisti si attendono un nuovo taglio a settembre.", "it", "2024-09"),
        ("Los analistas no esperan otro recorte hasta septiembre.", "es", "2024-09"),
        ("Im Juli rechnen die meisten Volkswirte mit einer Pause.", "de", "2024-07"),
        ("Аналитики ожидают нового снижения ставки в сентябре.", "ru", "2024-09"),
        ("يتوقع المحللون خفضا جديدا في سبتمبر.", "ar", "2024-09"),
        # a Russian perfective future, an Arabic "sa-" future
        ("Саммит пройдет в сентябре в Москве, сообщили в Кремле.", "ru", "2024-09"),
        ("Встреча министров состоится в октябре.", "ru", "2024-10"),
        ("سيعقد البنك اجتماعه في سبتمبر.", "ar", "2024-09"),
        # no tense cue at all: the nearer such month (a noun "cut" is no past verb)
        ("Analysts say another cut is likely in September.", "en", "2024-09"),
        ("Segundo analistas, uma nova redução é provável em setembro.", "pt", "2024-09"),
        ("Los mercados descuentan otra bajada en septiembre.", "es", "2024-09"),
        ("يراهن المستثمرون على خفض جديد لأسعار الفائدة في سبتمبر/أيلول.", "ar", "2024-09"),
        # ... but a past verb, or a month far ahead, keeps the past one
        ("The factory in Ohio closed in September after months of losses.", "en", "2023-09"),
        ("La fábrica cerró en septiembre.", "es", "2023-09"),
        ("Analysts say another cut is possible in December.", "en", "2023-12"),
        ("Analysts had expected a cut in March.", "en", "2024-03"),
    ],
)
def test_a_month_ahead_without_its_year_is_the_coming_one(sentence: str, lang: str, expected: str) -> None:
    assert _values(sentence, JUNE, lang) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        ("Das nächste Treffen der Minister ist für den 18. Juli geplant.", "de", "2024-07-18"),
        ("Следующее заседание назначено на 18 июля.", "ru", "2024-07-18"),
        ("Заседание пройдет 18 июля.", "ru", "2024-07-18"),
        ("ومن المقرر أن يعقد البنك اجتماعه المقبل في 18 يوليو/تموز.", "ar", "2024-07-18"),
        # an expectation is no future where a past verb of its clause says what happened
        (
            "The ministry on May 17 published the drafts Moscow expects Washington to sign.",
            "en",
            "2024-05-17",
        ),
        ("Die nächste Sitzung fand am 3. März statt.", "de", "2024-03-03"),
    ],
)
def test_a_planned_day_without_its_year_is_the_coming_one(sentence: str, lang: str, expected: str) -> None:
    assert _values(sentence, JUNE, lang) == [expected]


@pytest.mark.parametrize(
    ("sentence", "lang", "since", "kept"),
    [
        (
            "The ECB cut its rates on Thursday, its first cut since September 2019.",
            "en",
            "September 2019",
            ["2024-06-06"],
        ),
        ("Protesters have occupied the square since Monday.", "en", "Monday", []),
        ("Es ist die erste Zinssenkung seit September 2019.", "de", "September 2019", []),
        ("Die Regel gilt seit dem 1. Juli 2023.", "de", "1. Juli 2023", []),
        (
            "La BCE a abaissé jeudi ses taux, une première depuis septembre 2019.",
            "fr",
            "septembre 2019",
            ["2024-06-06"],
        ),
        (
            "El BCE ha rebajado los tipos, la primera bajada desde septiembre de 2019.",
            "es",
            "septiembre de 2019",
            [],
        ),
        ("O BCE fez o primeiro corte desde 2019.", "pt", "desde 2019", []),
        ("I prigionieri sono in sciopero della fame dal 12 settembre 2023.", "it", "12 settembre 2023", []),
        ("Fin dal 2011 la Siria è in guerra.", "it", "dal 2011", []),
        ("Это первое снижение ставок с сентября 2019 года.", "ru", "сентября 2019", []),
        ("في أول خفض منذ سبتمبر/أيلول 2019.", "ar", "سبتمبر/أيلول 2019", []),
    ],
)
def test_a_date_after_since_starts_a_span_and_is_no_mention(
    sentence: str, lang: str, since: str, kept: list[str]
) -> None:
    scan = scan_dates(sentence, published=JUNE, lang=lang)
    assert [m.value for m in scan.mentions] == kept
    assert [(d.text, d.reason) for d in scan.dropped] == [(since, "since")]
    assert [m.text for m in scan.since] == [since]


@pytest.mark.parametrize(
    ("sentence", "lang", "expected"),
    [
        # the words that also mean "from": a range, a future, a date ahead of publication
        ("La mostra è aperta dal 3 al 5 marzo.", "it", ["2024-03-03", "2024-03-05"]),
        ("С 3 по 5 марта прошли учения.", "ru", ["2024-03-03", "2024-03-05"]),
        ("Da domani saranno rafforzate le sanzioni.", "it", ["2024-06-07"]),
        ("Amnil presenta dal 28 giugno un tour sulla prevenzione.", "it", ["2024-06-28"]),
        ("С 1 июля вступит в силу новый закон.", "ru", ["2024-07-01"]),
        # "منذ" of "ago" is the span itself, no start of one
        ("قتل ثلاثة أشخاص منذ يومين.", "ar", ["2024-06-04"]),
    ],
)
def test_from_a_date_on_is_still_a_date(sentence: str, lang: str, expected: list[str]) -> None:
    assert sorted(_values(sentence, JUNE, lang)) == expected


def test_a_day_after_since_still_anchors_the_next_day_and_gives_its_year() -> None:
    sentences = [
        "Ibrahim al-Badri figura nella lista dei terroristi più ricercati già dal 4 ottobre 2011.",
        "Il giorno successivo fu inserito nella lista del comitato per le sanzioni.",
        "Il 4 ottobre, gli Stati Uniti offrirono una taglia.",
    ]
    values = [[m.value for m in found] for found in scan_article(sentences, published=JUNE, lang="it")]
    assert values == [[], ["2011-10-05"], ["2011-10-04"]]


def test_the_two_arabic_names_of_a_month_are_one_month() -> None:
    assert _values("وارتفع معدل التضخم إلى 2.6% في مايو/أيار.", JUNE, "ar") == ["2024-05"]
    assert _values("جرت الانتخابات في 18 يوليو/تموز 2021.", JUNE, "ar") == ["2021-07-18"]


def test_a_span_start_is_resolved_as_a_date_would_be() -> None:
    # "depuis mars 2011" is March 2011, not the nearest March: the day a span starts, kept in DateScan.since
    scan = scan_dates("Depuis mars 2011, 8.000 personnes sont mortes.", published=THU, lang="fr")
    assert scan.mentions == () and [(m.value, m.precision) for m in scan.since] == [("2011-03", "month")]


def test_a_number_after_a_comparative_and_a_cue_is_a_count_not_a_year() -> None:
    day = dt.date(2013, 5, 1)

    def values(text: str, lang: str) -> list[str]:
        return [m.value for m in find_dates(text, published=day, lang=lang)]

    assert values("Sono più di 2000 le vittime di Assad in Siria, oltre 300 i bambini.", "it") == []
    assert values("Nel corso del 2013 i morti sono stati meno di 1500.", "it") == ["2013"]
    assert values("La rivolta è iniziata nel 2011 a Daraa.", "it") == ["2011"]


def test_a_passive_participle_is_no_past_verb_against_an_expectation() -> None:
    day = dt.date(2024, 6, 6)
    text = "Economists polled by Reuters expect another cut in September."
    assert [m.value for m in find_dates(text, published=day, lang="en")] == ["2024-09"]


def test_a_part_of_a_period_after_since_is_still_a_since() -> None:
    day = dt.date(2022, 2, 17)
    for text in (
        "The United States has been talking about it since the fall of last year.",
        "The hole had been exploited since early December 2021.",
    ):
        scan = scan_dates(text, published=day, lang="en")
        assert scan.mentions == () and [d.reason for d in scan.dropped] == ["since"]
    assert [m.value for m in find_dates("He spoke in the fall of last year.", published=day, lang="en")] == [
        "2021"
    ]
