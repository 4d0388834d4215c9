"""The words of temporal expressions per language (en, it, de, fr, es, pt, ru, ar), for :mod:`newsfold.temporal`.

Each table maps an ISO 639-1 code to regex alternatives or ``name|variant`` lists; they hold generic vocabulary of
each language (month and weekday names, "yesterday", "last", "the next day"), nothing of any one corpus.
"""

from __future__ import annotations

# Month names, January first, months separated by commas, spellings of one month (inflections, abbreviations) by
# "|"; Russian has nominative, genitive ("17 января") and prepositional ("в январе") forms; Arabic the
# Egyptian/Gulf names and the Levantine (Syriac) ones, with and without hamza.
MONTHS: dict[str, str] = {
    "en": "january|jan,february|feb,march|mar,april|apr,may,june|jun,july|jul,august|aug,september|sept|sep,"
    "october|oct,november|nov,december|dec",
    "it": "gennaio,febbraio,marzo,aprile,maggio,giugno,luglio,agosto,settembre,ottobre,novembre,dicembre",
    "de": "januar|jänner|jan,februar|feber|feb,märz|maerz,april|apr,mai,juni,juli,august|aug,september|sept|sep,"
    "oktober|okt,november|nov,dezember|dez",
    "fr": "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre",
    "es": "enero,febrero,marzo,abril,mayo,junio,julio,agosto,septiembre|setiembre,octubre,noviembre,diciembre",
    "pt": "janeiro,fevereiro,março,abril,maio,junho,julho,agosto,setembro,outubro,novembro,dezembro",
    "ru": "январь|января|январе,февраль|февраля|феврале,март|марта|марте,апрель|апреля|апреле,май|мая|мае,"
    "июнь|июня|июне,июль|июля|июле,август|августа|августе,сентябрь|сентября|сентябре,октябрь|октября|октябре,"
    "ноябрь|ноября|ноябре,декабрь|декабря|декабре",
    "ar": "يناير|كانون الثاني,فبراير|شباط,مارس|آذار,أبريل|ابريل|نيسان,مايو|أيار|ايار,يونيو|يونيه|حزيران,"
    "يوليو|يوليه|تموز,أغسطس|اغسطس|آب,سبتمبر|أيلول|ايلول,أكتوبر|اكتوبر|تشرين الأول,نوفمبر|تشرين الثاني,"
    "ديسمبر|كانون الأول",
}

# Abbreviated month names (January first; a short month keeps its full name), read only right after a day number
# and only with a full stop, a year, or a wire dateline's parenthesis or dash after them: "DAMASCO, 15 mar (EFE)",
# "ROMA, 15 MAR -", "le 3 janv. 2011", "15 set. 2014"; alone they are other words ("el mar" is the sea, "3 set" a
# tennis score). English and German spell theirs in MONTHS already.
MONTH_ABBR: dict[str, str] = {
    "it": "gen,feb,mar,apr,mag,giu,lug,ago,set|sett,ott,nov,dic",
    "fr": "janv|jan,févr|fév|fevr,mars,avr,mai,juin,juil,août,sept,oct,nov,déc|dec",
    "es": "ene,feb,mar,abr,may,jun,jul,ago,sep|sept|set,oct,nov,dic",
    "pt": "jan,fev,mar,abr,mai,jun,jul,ago,set,out,nov,dez",
}

# The word that writes the first day of a month out in some languages ("il primo marzo", "el primero de mayo", "le
# premier mai", "primeiro de maio"): day 1 wherever a day number may stand before a month.
FIRST_DAY: dict[str, str] = {"it": "primo", "fr": "premier", "es": "primero", "pt": "primeiro"}

# Words that join the days of a range or a list before one month ("dal 3 al 5 marzo", "il 3 e il 4 marzo", "du 3 au
# 5 mars", "les 3 et 4 mars", "del 3 al 5 de marzo", "entre el 3 y el 5 de mayo", "vom 3. bis 5. März", "de 3 a 5
# de março", "с 3 по 5 марта", "3 and 4 March"), with the articles that may follow them: every listed day is a
# date of that month. A comma or dash joins days too ("il 3, 4 e 5 marzo", "24-25 novembre").
DAY_LINK: dict[str, str] = {
    "en": r"and|to|through|or|&",
    "it": r"e|ed|al|all['’]|o|a",
    "de": r"und|bis|oder|&",
    "fr": r"et|au|à|ou",
    "es": r"y|e|al|a|o",
    "pt": r"e|a|ao|ou",
    "ru": r"и|по|или",
    "ar": r"و|إلى|الى",
}
DAY_LINK_ARTICLE: dict[str, str] = {
    "en": r"the",
    "it": r"il|l['’]",
    "de": r"",
    "fr": r"le|l['’]",
    "es": r"el",
    "pt": r"o",
    "ru": r"",
    "ar": r"",
}
# Days after a month-first date ("March 3 and 4", "March 3-5", "March 3 to 5"; English writes the month first): a
# link, the day, then punctuation or a preposition ("On March 3 and 4 people died" lists no day).
DAYS_AFTER_MONTH: dict[str, str] = {
    "en": r"\s*(?:[-–]|(?:to|through|and|&)\s+)(?P<d>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
    r"(?=\s*(?:[,.;:)]|$|\s+(?:in|at|on|when|as|after|before|during)\b))",
}

# Weekday names, Monday first (Portuguese only with "-feira": bare "segunda" also means "second").
WEEKDAYS: dict[str, str] = {
    "en": "monday,tuesday,wednesday,thursday,friday,saturday,sunday",
    "it": "lunedì|lunedi,martedì|martedi,mercoledì|mercoledi,giovedì|giovedi,venerdì|venerdi,sabato,domenica",
    "de": "montag,dienstag,mittwoch,donnerstag,freitag,samstag|sonnabend,sonntag",
    "fr": "lundi,mardi,mercredi,jeudi,vendredi,samedi,dimanche",
    "es": "lunes,martes,miércoles|miercoles,jueves,viernes,sábado|sabado,domingo",
    "pt": "segunda-feira,terça-feira|terca-feira,quarta-feira,quinta-feira,sexta-feira,sábado|sabado,domingo",
    "ru": "понедельник,вторник,среда|среду,четверг,пятница|пятницу,суббота|субботу,воскресенье",
    "ar": "الاثنين|الإثنين,الثلاثاء,الأربعاء|الاربعاء,الخميس,الجمعة,السبت,الأحد|الاحد",
}

# Parts of the day that German joins to a weekday in one word ("am Montagabend", "Dienstagmorgen"): the weekday.
WEEKDAY_PARTS: dict[str, str] = {"de": "morgen,vormittag,mittag,nachmittag,abend,nacht"}

# Words for days counted from the publish date: (regex, offset in days). Each is a whole-word match.
RELATIVE_DAYS: dict[str, list[tuple[str, int]]] = {
    "en": [
        (r"the day before yesterday", -2),
        (r"yesterday", -1),
        (r"last night", -1),
        (r"today|tonight|this (?:morning|afternoon|evening)", 0),
        (r"the day after tomorrow", 2),
        (r"tomorrow", 1),
    ],
    "it": [
        (r"l['’]\s?altro ieri|altroieri", -2),
        (r"ieri|la (?:scorsa notte|notte scorsa)", -1),
        (r"oggi|stamattina|stamane|stasera|stanotte", 0),
        (r"dopodomani", 2),
        (r"domani", 1),
    ],
    "de": [(r"vorgestern", -2), (r"gestern", -1), (r"heute", 0), (r"übermorgen", 2), (r"(?-i:morgen)", 1)],
    "fr": [
        (r"avant-hier", -2),
        (r"hier|la nuit dernière", -1),
        (r"aujourd['’]\s?hui|ce (?:matin|soir)", 0),
        (r"après-demain", 2),
        (r"demain", 1),
    ],
    "es": [
        (r"anteayer|antier", -2),
        (r"ayer|anoche", -1),  # "anoche": last night
        (r"hoy|esta (?:mañana|tarde|noche|madrugada)", 0),
        (r"pasado mañana", 2),
        (r"(?<!la )(?<!esta )mañana(?! por)", 1),
    ],
    "pt": [
        (r"anteontem", -2),
        (r"ontem", -1),
        (r"hoje|nesta (?:manhã|tarde|noite)", 0),
        (r"depois de amanhã", 2),
        (r"amanhã", 1),
    ],
    "ru": [(r"позавчера", -2), (r"вчера", -1), (r"сегодня", 0), (r"послезавтра", 2), (r"завтра", 1)],
    "ar": [
        (r"أول أمس|اول امس", -2),
        (r"أمس|امس|البارحة", -1),
        (r"اليوم", 0),
        (r"بعد غد", 2),
        (r"غدا|غداً", 1),
    ],
}

# "three days ago": {N} stands for the count, digits or the words for two to ten (COUNT_WORDS, in order).
DAYS_AGO = {
    "en": r"{N}\s+days\s+ago",
    "it": r"{N}\s+giorni\s+fa",
    "de": r"vor\s+{N}\s+tagen",
    "fr": r"il\s+y\s+a\s+{N}\s+jours",
    "es": r"hace\s+{N}\s+días",
    "pt": r"há\s+{N}\s+dias",
    "ru": r"{N}\s+(?:дня|дней)\s+назад",
    "ar": r"(?:قبل|منذ)\s+(?:{N}\s+(?:أيام|يوما|يوماً)|(?P<dual>يومين))",  # the dual: "two days"
}
COUNT_WORDS = {
    "en": "two,three,four,five,six,seven,eight,nine,ten",
    "it": "due,tre,quattro,cinque,sei,sette,otto,nove,dieci",
    "de": "zwei,drei,vier,fünf,sechs,sieben,acht,neun,zehn",
    "fr": "deux,trois,quatre,cinq,six,sept,huit,neuf,dix",
    "es": "dos,tres,cuatro,cinco,seis,siete,ocho,nueve,diez",
    "pt": "dois|duas,três,quatro,cinco,seis,sete,oito,nove,dez",
    "ru": "два|две,три,четыре,пять,шесть,семь,восемь,девять,десять",  # "две недели": weeks are feminine
    "ar": "اثنين,ثلاثة,أربعة,خمسة,ستة,سبعة,ثمانية,تسعة,عشرة",
}

# "until today", "ancora oggi": today as "up to now", not an event on the publish day.
NOT_TODAY = {
    "en": r"(?:until|till|up to|to this|as of)\s+$",
    "it": r"\b(?:fino\s+(?:ad?\s+)?|ancora\s+|ad?\s+|d['’])$",
    "de": r"(?:bis|noch)\s+$",
    "fr": r"(?:jusqu['’]\s?à|encore)\s+$",
    "es": r"(?:hasta|aún|todavía)\s+$",
    "pt": r"(?:até|ainda)\s+$",
    "ru": r"(?:до|по)\s+$",
    "ar": r"(?:حتى)\s+$",
}

# Words that make the date after them the start of a span the sentence measures from ("its first cut since
# September 2019", "seit dem 1. Juli", "depuis mars 2011", "desde el lunes", "с сентября 2019 года", "منذ 2019"),
# with the article or "day" that may stand between: not the day of the event the sentence reports, so the date is
# dropped (reason ``since``). Italian "da", Russian "с" and Spanish and Portuguese "desde" also mean "from"
# (SINCE_ALSO_FROM): there a range ("dal 3 al 5 marzo", "с 3 по 5 марта", "desde 2011 hasta 2013": SINCE_RANGE)
# or a future ("Da domani saranno rafforzate le sanzioni", "с 1 июля вступит в силу") keeps the date.
SINCE = {
    # "since the fall of last year", "since early December 2012": a part of the period may stand between
    "en": r"(?:ever\s+)?since(?:\s+the)?(?:\s+(?:the\s+)?(?:early|late|mid|end|beginning|start|middle|fall|autumn|"
    r"spring|summer|winter)(?:\s+of)?)?",
    "it": r"(?:(?:fin|sin)\s+|a\s+partire\s+)?(?:da|dal|dall['’]|dalla|dai|dagli|dalle)",
    "de": r"seit(?:\s+(?:dem|der|den))?",
    "fr": r"depuis(?:\s+(?:le|la|les|l['’]))?",
    "es": r"desde(?:\s+(?:el|la|los|las))?(?:\s+día)?",
    "pt": r"desde(?:\s+(?:o|a|os|as))?(?:\s+dia)?",
    "ru": r"(?:начиная\s+)?со?",
    "ar": r"و?منذ",
}
SINCE_ALSO_FROM = frozenset({"it", "ru", "es", "pt"})
# The other end of a range right after its first date ("dal 3 marzo al 5 aprile", "с 2011 по 2013 год"), not "up to
# now" ("dal 2011 a oggi", "desde 2019 hasta hoy", "с 2011 года до настоящего времени"), which is a since.
SINCE_RANGE = {
    "en": r"\s*(?:[-–]\s*(?=\d)|(?:to|until|till|through)\s)(?!\s*(?:now|today|date)\b)",
    "it": r"\s*(?:[-–]\s*(?=\d)|(?:al|all['’]|alla|ai|fino\s+al|fino\s+a|a)(?:\s|(?<=['’])))"
    r"(?!\s*(?:oggi|ora|adesso)\b)",
    "de": r"\s*(?:[-–]\s*(?=\d)|bis\s)(?!\s*(?:heute|jetzt)\b)",
    "fr": r"\s*(?:[-–]\s*(?=\d)|(?:au|à|jusqu['’]\s*(?:au|à|en))\s)(?!\s*(?:aujourd|maintenant|ce jour))",
    "es": r"\s*(?:[-–]\s*(?=\d)|(?:al|a|hasta)\s)(?!\s*(?:hoy|ahora|la fecha)\b)",
    "pt": r"\s*(?:[-–]\s*(?=\d)|(?:ao|a|até)\s)(?!\s*(?:hoje|agora|a data)\b)",
    "ru": r"(?:\s+(?:года|г\.))?\s*(?:[-–]\s*(?=\d)|(?:по|до)\s)(?!\s*(?:сих|настоящего|сегодняшнего)\b)",
    "ar": r"\s*(?:[-–]\s*(?=\d)|(?:حتى|إلى|الى)\s)(?!\s*(?:الآن|اليوم))",
}
# Words that put a weekday or month in the past ("last Monday") or the future ("next Monday"), before or after it.
LAST = {
    "en": r"last|this past|past",
    "it": r"scors[oaie]|passat[oaie]|ultim[oa]",  # plural after a list: "il 15 e il 16 luglio scorsi"
    "de": r"letzten|letzte|vergangenen|vergangene|vorigen|voriger",
    "fr": r"dernier|dernière|derniers|dernières|passé|passée",
    "es": r"pasad[oa]s?|últim[oa]",
    "pt": r"passad[oa]s?|últim[oa]",
    "ru": r"прошл(?:ый|ого|ой|ую|ом|ая|ое|ые|ых|ым|ыми)",  # not the verb "прошли" (took place)
    "ar": r"الماضي|الماضية|المنصرم|المنصرمة",
}
NEXT = {
    "en": r"next|this coming|coming",
    "it": r"prossim[oaie]|entrante",
    "de": r"nächsten|nächste|kommenden|kommende",
    "fr": r"prochain|prochaine|prochains|prochaines",
    "es": r"próxim[oa]s?|que viene",
    "pt": r"próxim[oa]s?|que vem",
    "ru": r"следующ\w*|будущ\w*",
    "ar": r"المقبل|المقبلة|القادم|القادمة",
}
# "last week", "next week", "this week" (week precision: an ISO week, ``YYYY-Www``).
UNIT_WEEK = {
    "en": r"week",
    "it": r"settimana",
    "de": r"woche",
    "fr": r"semaine",
    "es": r"semana",
    "pt": r"semana",
    "ru": r"недел[яиюе]",
    "ar": r"الأسبوع|الاسبوع",
}
# The weekend, a week unit of its own: "last weekend" is the one of the week before ("le week-end dernier", "el fin de
# semana pasado", "lo scorso fine settimana", "am vergangenen Wochenende", "в прошлые выходные"), "this weekend" the
# one of the publish date's week (ISO weeks end on Sunday, so both are exact at week precision); "next weekend" may be
# the coming one or the one after, and is dropped (reason ``ambiguous``).
UNIT_WEEKEND = {
    "en": r"week-?end",
    "it": r"fine\s+settimana|week-?end",
    "de": r"wochenende",
    "fr": r"week-?end|fin\s+de\s+semaine",
    "es": r"fin\s+de\s+semana",
    "pt": r"fim\s+de\s+semana",
    "ru": r"выходны[ех]",  # "в прошлые выходные", "на прошлых выходных"
    "ar": r"عطلة\s+نهاية\s+(?:الأسبوع|الاسبوع)|نهاية\s+(?:الأسبوع|الاسبوع)",
}
# The weekend with no side ("over the weekend", "durante el fin de semana", "am Wochenende"): the weekend just past in
# an article of Monday to Thursday whose clause is not in the future tense, else the one of the publish date's week.
BARE_WEEKEND = {
    "en": r"(?:over|during|at|on)\s+the",
    "it": r"nel|durante\s+il",
    "de": r"am|übers|über\s+das",
    "fr": r"pendant\s+le|durant\s+le",  # not a bare "le week-end": habits ("le musée est ouvert le week-end")
    "es": r"durante\s+el|el",
    "pt": r"durante\s+o|no",
    "ru": r"в|на",
    "ar": r"(?!)",
}
# Words for "this" before a week, month or year ("this week", "questa settimana", "diese Woche", "cette année").
THIS = {
    "en": r"this",
    "it": r"questa|questo|quest['’]",
    "de": r"diese|diesen|dieses|diesem",
    "fr": r"cette|ce|cet",
    "es": r"esta|este",
    "pt": r"esta|este|nesta|neste",
    "ru": r"эт[аоуи]\w*",
    "ar": r"هذا|هذه",
}
# "two weeks ago", "a week ago": {N} as in DAYS_AGO (without it the count is one).
WEEKS_AGO = {
    "en": r"(?:{N}\s+weeks|(?:a|one)\s+week)\s+ago",
    "it": r"(?:{N}\s+settimane|una\s+settimana)\s+fa",
    "de": r"vor\s+(?:{N}\s+wochen|einer\s+woche)",
    "fr": r"il\s+y\s+a\s+(?:{N}\s+semaines|une\s+semaine)",
    "es": r"hace\s+(?:{N}\s+semanas|una\s+semana)",
    "pt": r"há\s+(?:{N}\s+semanas|uma\s+semana)",
    "ru": r"(?:{N}\s+недел[иь]|неделю)\s+назад",
    "ar": r"(?:قبل|منذ)\s+(?:{N}\s+أسابيع|(?P<dual>أسبوعين)|أسبوع)",
}
# "in three days", "tra due settimane", "dans un mois", "dentro de dos años": a span ahead of the publish date ({N} as
# in DAYS_AGO; without it the count is one). Only forms that say "from now": English "in two weeks" and German "in
# zwei Wochen" may be how long something took ("built in two weeks"), so English takes "from now" / "time" only and
# German needs a verb in the future tense (IN_NEEDS_FUTURE); "через два дня после..." counts from an event, not
# from the publish date, and is left out (as is Arabic "بعد", "after", which does the same).
IN_DAYS = {
    "en": r"(?:in\s+)?(?:{N}\s+days|a\s+day)(?:['’]s?\s+time|\s+from\s+now)",
    "it": r"(?:tra|fra)\s+{N}\s+giorni",
    "de": r"in\s+{N}\s+tagen",
    "fr": r"dans\s+{N}\s+jours",
    "es": r"dentro\s+de\s+{N}\s+días",
    "pt": r"daqui\s+a\s+{N}\s+dias",
    "ru": r"через\s+{N}\s+(?:дня|дней)(?!\s+после)",
    "ar": r"(?!)",
}
IN_WEEKS = {
    "en": r"(?:in\s+)?(?:{N}\s+weeks|a\s+week)(?:['’]s?\s+time|\s+from\s+now)",
    "it": r"(?:tra|fra)\s+(?:{N}\s+settimane|una\s+settimana)",
    "de": r"in\s+(?:{N}\s+wochen|einer\s+woche)",
    "fr": r"dans\s+(?:{N}\s+semaines|une\s+semaine)",
    "es": r"dentro\s+de\s+(?:{N}\s+semanas|una\s+semana)",
    "pt": r"daqui\s+a\s+(?:{N}\s+semanas|uma\s+semana)",
    "ru": r"через\s+(?:{N}\s+недел[иь]|неделю)(?!\s+после)",
    "ar": r"(?!)",
}
IN_MONTHS = {
    "en": r"(?:in\s+)?(?:{N}\s+months|a\s+month)(?:['’]s?\s+time|\s+from\s+now)",
    "it": r"(?:tra|fra)\s+(?:{N}\s+mesi|un\s+mese)",
    "de": r"in\s+(?:{N}\s+monaten|einem\s+monat)",
    "fr": r"dans\s+(?:{N}\s+mois|un\s+mois)",
    "es": r"dentro\s+de\s+(?:{N}\s+meses|un\s+mes)",
    "pt": r"daqui\s+a\s+(?:{N}\s+meses|um\s+mês)",
    "ru": r"через\s+(?:{N}\s+(?:месяца|месяцев)|месяц)(?!\s+после)",
    "ar": r"(?!)",
}
IN_YEARS = {
    "en": r"(?:in\s+)?(?:{N}\s+years|a\s+year)(?:['’]s?\s+time|\s+from\s+now)",
    "it": r"(?:tra|fra)\s+(?:{N}\s+anni|un\s+anno)",
    "de": r"in\s+(?:{N}\s+jahren|einem\s+jahr)",
    "fr": r"dans\s+(?:{N}\s+ans|un\s+an)",
    "es": r"dentro\s+de\s+(?:{N}\s+años|un\s+año)",
    "pt": r"daqui\s+a\s+(?:{N}\s+anos|um\s+ano)",
    "ru": r"через\s+(?:{N}\s+(?:года|лет)|год)(?!\s+после)",
    "ar": r"(?!)",
}
IN_NEEDS_FUTURE = frozenset({"de"})
# Languages whose news writes a coming event in the present ("Lavrov meets Blinken on Friday", "Am Donnerstag trifft
# Lawrow Blinken", "Lavrov viaja na sexta-feira", "Лавров встречается с Блинкеном в пятницу") and a past one in a past
# tense: a weekday in a clause with no tense cue at all, whose coming day is nearer than its past one, is the coming
# day. Not Italian, French or Spanish, whose reports also narrate the past in the present ("Venerdì migliaia di
# persone scendono in piazza", "Lundi, le président annonce"): of the 15 weekdays the rule would move in crisis-it's
# Italian, 2 were plans ("posta solo fino a venerdì"), 1 narration, the rest script arrays, named days and habits. On
# the German and English pages of extraction-dev it moves 25: 5 plans now right ("Impf-Gipfel auf Freitag
# verschoben", "Stadia's launch day is Tuesday"), 5 lines of one narrative in the historical present now wrong
# ("Am Dienstag antwortet Relotius"), the rest tables and names, wrong either way.
FUTURATE_PRESENT = frozenset({"en", "de", "pt", "ru"})
# "three months ago", "a year ago" (month and year precision; without {N} the count is one).
MONTHS_AGO = {
    "en": r"(?:{N}\s+months|(?:a|one)\s+month)\s+ago",
    "it": r"(?:{N}\s+mesi|un\s+mese)\s+fa",
    "de": r"vor\s+(?:{N}\s+monaten|einem\s+monat)",
    "fr": r"il\s+y\s+a\s+(?:{N}|un)\s+mois",
    "es": r"hace\s+(?:{N}\s+meses|un\s+mes)",
    "pt": r"há\s+(?:{N}\s+meses|um\s+mês)",
    "ru": r"(?:{N}\s+(?:месяца|месяцев)|месяц)\s+назад",
    "ar": r"(?:قبل|منذ)\s+(?:{N}\s+(?:أشهر|شهور)|(?P<dual>شهرين)|شهر)",
}
YEARS_AGO = {
    "en": r"(?:{N}\s+years|(?:a|one)\s+year)\s+ago",
    "it": r"(?:{N}\s+anni|un\s+anno)\s+fa",
    "de": r"vor\s+(?:{N}\s+jahren|einem\s+jahr)",
    "fr": r"il\s+y\s+a\s+(?:{N}\s+ans|un\s+an)",
    "es": r"hace\s+(?:{N}\s+años|un\s+año)",
    "pt": r"há\s+(?:{N}\s+anos|um\s+ano)",
    "ru": r"(?:{N}\s+(?:года|лет)|год)\s+назад",
    "ar": r"(?:قبل|منذ)\s+(?:{N}\s+(?:سنوات|أعوام)|(?P<dual>عامين|سنتين)|عام|سنة)",
}
# "last month", "last year" (month and year precision).
UNIT_MONTH = {
    "en": r"month",
    "it": r"mese",
    "de": r"monat|monats",
    "fr": r"mois",
    "es": r"mes",
    "pt": r"mês",
    "ru": r"месяц\w*",
    "ar": r"الشهر",
}
UNIT_YEAR = {
    "en": r"year",
    "it": r"anno",
    "de": r"jahr|jahres",
    "fr": r"année|an",
    "es": r"año",
    "pt": r"ano",
    "ru": r"год\w*",
    "ar": r"العام|السنة",
}
# Words that mark a month or year as a time ("in January", "late 2021", "fine gennaio"); English bare months need
# one (May, March are also ordinary words), and every language needs one before a bare year.
# Words that make the number after a period cue a count, not a year: "più di 2000 le vittime", "meno di 1500
# soldati" (Italian "di" is a cue: "la rivoluzione di 2011" is rare, "più di 2000" common). Per language, for the cues
# that also follow them.
COUNT_BEFORE_CUE = {
    "it": "più meno oltre circa almeno quasi",
    "es": "más menos",
    "pt": "mais menos",
    "fr": "plus moins",
    "de": "über unter rund",
    "en": "than",
    "ru": "более менее около",
    "ar": "أكثر أقل نحو",
}

PERIOD_CUE = {
    "en": r"in|since|until|till|by|from|during|early|mid|late|the end of|the beginning of|the start of|"
    r"the middle of|end of|beginning of|start of|middle of|mid-",
    "it": r"nel|nell['’]|dal|dall['’]|al|all['’]|a|ad|in|entro il|entro|fino al|fino a|da|di|del|"
    r"inizio|fine|metà|primi di|inizi di|fine di|alla fine di|all['’]\s?inizio di|a metà|a fine|a inizio|"
    r"nel mese di|nell['’]\s?anno|anno",
    "de": r"im|seit|bis|ab|vom|Anfang|Ende|Mitte|Jahr|Jahre|im Jahr|im Jahre",
    "fr": r"en|depuis|jusqu['’]en|dès|début|fin|mi-|courant|durant|pendant|au cours de|à la fin de|au début de|"
    r"l['’]\s?année|d['’]\s?ici",
    "es": r"en|desde|hasta|durante|a finales de|a principios de|a mediados de|a comienzos de|a fines de|"
    r"finales de|principios de|mediados de|comienzos de|fines de|el año|del año",
    "pt": r"em|desde|até|no final de|no início de|em meados de|final de|início de|meados de|no ano de|o ano de",
    "ru": r"в|с|до|к|начале|конце|середине|в начале|в конце|в середине",
    "ar": r"في|منذ|عام|سنة|حتى|مطلع|أواخر|أوائل|منتصف|نهاية|بداية",
}
# Future-tense cues looked for in the clause around an expression ("will meet on Monday", "si terrà il 15 marzo").
FUTURE = {
    "en": r"\b(?:will|shall|'ll|would(?!\s+have)|is due|are due|(?:is|are) set (?:to|for)|slated|scheduled|"
    r"expected to|plans? to|going to|to be held|upcoming|next)\b",
    # The simple conditional too: reported plans ("ha detto che si dimetterebbe a marzo", "qu'elle mettrait fin à ses
    # opérations le 31 octobre"). Not the conditional of "be" and "have", which with a participle reports a past
    # unconfirmed ("sarebbe stato ucciso il 3 marzo", "il aurait été tué", "habría muerto", "sería el autor"), nor a
    # modal with a past infinitive ("potrebbe essere stato minacciato").
    "it": r"\b\w+(?:rà|ranno|remo|rò)\b|\b(?!sare|avre|tratter)\w+rebber?o?\b(?!\s+(?:essere|esser|aver|avere)\b)|"
    r"\bprossim[oaie]\b",
    "de": r"\b(?:wird|werden|werde|wirst|soll|sollen|will|wollen|wolle|plant|kommenden|nächsten)\b",
    # The future's third person singular ("se tiendra", "débutera", "pourra", "mettra") in lower case, with a stem
    # ending as verbs' do, not as "caméra", "Sahara", "extra" or the passé simple "dura"; the conditional: "-erait"
    # (every -er verb and "ferait", not the imperfect "assurait", "déclarait") and the common others by name, not
    # "aurait" / "serait" nor the nouns in "-trait" ("retrait", "attrait").
    "fr": r"\b(?!(?:aur|ser)(?:ait|aient)\b)(?:\w+(?:ront|rons|rez)|\w{2,}rai|"
    r"(?-i:[a-zà-ÿ]\w*(?:[eidv]|[^e]r|[iî]t|tt)ra)|\w+er(?:ait|aient)|"
    r"\w*(?:pour|dev|voud|viend|tiend|prend|mett|batt|di|fini|parti|sorti|ouvri|offri|choisi|recev|ver|enver|"
    r"faud|sau)r+(?:ait|aient)|"
    r"ir(?:ait|aient)|sera|aura|saura|fera|ira|pourra|devra|va|vont|doit|doivent|prochain|prochaine)\b",
    # The conditional's plural and its common singulars ("-ría" alone ends many nouns: "mayoría", "policía"; the
    # plurals "-erían" / "-rrían" are also imperfects: "querían", "ocurrían").
    "es": r"\b\w+(?:rá|rán|remos)\b|\b(?!habr)\w+(?:ar|ir|dr)ían\b|\b(?:va a|van a|próxim[oa]s?|"
    r"podría|tendría|debería|haría|iría|vendría|daría|entraría|llegaría)\b",
    "pt": r"\b\w+(?:rá|rão|remos)\b|\b(?:vai|vão|próxim[oa]s?|poderia|poderiam|deveria|deveriam|"
    r"faria|fariam|iria|iriam)\b",
    # Russian writes the future of a perfective verb in the present's endings ("Саммит пройдет в сентябре"): the
    # common ones of news by name (a perfective's present-looking form is always a future; an imperfective's is a
    # present, so no ending alone tells them apart).
    "ru": r"\b(?:будет|будут|буду|состоится|состоятся|планирует|планируют|планируется|намерен\w*|следующ\w*|"
    r"сможет|смогут|сделает|сделают|опубликует|опубликуют|"
    r"(?:пройд|прид|уйд|выйд|зайд|найд|произойд|провед|привед|введ|начн|подпиш|прим|стан|приед|прибуд|окаж|"
    r"откро|собер|верн)(?:ёт|ет|ут|ют)(?:ся)?|"
    r"(?:вступ|посет|выступ|объяв|представ|сниз|повыс|отмен|получ|направ|обсуд|рассмотр|запуст|сохран|измен|"
    r"заверш|реш|подготов|утверд|постав|прекрат|возобнов|продл|продолж|законч|встрет|появ)(?:ит|ят|ат)(?:ся)?)\b",
    # the future's prefix "sa-" with the present of the common verbs of news ("سيعقد", "ستجتمع"; not "سياسة",
    # "سيارة", "سنة") and "لن" (shall not)
    "ar": r"سوف|المقبل|المقبلة|القادم|القادمة|من المقرر|يعتزم|(?<![^\W\d_])لن(?![^\W\d_])|"
    r"(?<![^\W\d_])[وف]?س[يتن](?:عقد|جتمع|زور|توجه|بدأ|بدا|نطلق|تم|كون|قوم|علن|ناقش|ستمر|شارك|عود|جري|لتقي|"
    r"صدر|صوت|حضر|وقع|دخل|نظر|قدم|ستضيف|خفض|رفع|صل|عمل|تخذ|قرر|بحث)",
}
# Expectations in the present tense and the forms of "next" that the future cues leave out: the date of the clause
# they are in is ahead, like a future's ("Analysts expect the bank to cut rates in September", "no esperan otro
# recorte hasta septiembre", "Im Juli rechnen die Volkswirte mit einer Pause", "Das nächste Treffen ist für den 18.
# Juli geplant", "يتوقع المحللون"). Only present forms: "had expected a cut in March" is a past expectation, and "as
# expected", "comme prévu" none; and, like a plan's participle, none where a past verb of the clause's own says what
# happened ("on December 17 published the drafts Moscow expects Washington to sign"). Kept apart from FUTURE, which
# also tells a clause's tense where no date is resolved (story.claims: an expectation or an adjective there is no
# verb in the future).
EXPECT = {
    "en": r"\b(?:(?<!as )(?<!than )expects?|expecting|anticipates?|anticipating|predicts?|predicting|"
    r"(?:is|are) (?:(?:un)?likely|poised)(?!\s+(?:that|to have)\b)|betting on|pricing in)\b",
    "it": r"\b(?:si (?:attend|aspett)(?:e|a|ono|ano)|prevedono|scommettono)\b",
    "de": r"\b(?:nächste[mrs]?|kommende[mrs]?|erwarten|rechnen mit|rechnet mit|voraussichtlich)\b",
    "fr": r"\b(?:s['’]\s?attend(?:ent)? à|anticipent|prévoient|tablent sur|table sur|parient sur|parie sur)\b",
    "es": r"\b(?:esperan que|se espera|prevén|anticipan|apuestan por)\b",  # not "esperan" alone: they also wait
    "pt": r"\b(?:esperam que|espera-se|preveem|apostam em|apostam num|apostam numa)\b",
    "ru": r"\b(?:ожидается|ожидаются|ожидают|ожидает|прогнозируют)\b",
    "ar": r"(?<![^\W\d_])(?:[يت]توقع|يتوقعون|متوقع|المتوقع|[يت]ترقب|مرتقب|المرتقب|[يت]راهن|يراهنون|من المنتظر)",
}
# The participles of a plan ("est attendu le 10 novembre", "estão marcadas para 5 de junho", "ist für den 10. März
# angesetzt", "is expected on March 10"): the date they govern is ahead, whatever the tense of the verb, unless the
# clause also has a past verb of its own ("Les élections prévues le 3 mars ont eu lieu", "fand wie vorgesehen am 3.
# März statt"); "as planned" ("wie vorgesehen", "come programmato", "comme prévu", "como estaba previsto") is none.
PLAN = {
    "en": r"\b(?:(?:is|are) expected (?:on|by)|planned for)\b",
    "it": r"\b(?<!come )(?:(?:è|sono)\s+)?"
    r"(?:in programma|previst[oaie]|programmat[oaie]|fissat[oaie] per|attes[oaie])\b",
    "de": r"\b(?<!wie )(?:geplant|angesetzt|vorgesehen|terminiert)(?:\s+(?:ist|sind))?\b",
    "fr": r"\b(?<!comme )(?:(?:est|sont)\s+)?(?:prévue?s?|programmée?s?|fixée?s? (?:au|pour)|attendue?s?)\b",
    "es": r"\b(?<!como )(?<!como estaba )(?:(?:está|están|es|son)\s+)?(?:previst[oa]s?|"
    r"(?:programad|fijad|marcad|convocad)[oa]s? para)\b",
    "pt": r"\b(?<!como )(?<!como estava )(?:(?:está|estão|é|são)\s+)?(?:previst[oa]s?|"
    r"(?:marcad|agendad|programad)[oa]s? para)\b",
    "ru": r"\b(?:запланирован\w*|намечен\w*|назначен\w*)\b",
    "ar": r"(?!)",
}
# Past-tense cues (the simple past and the compound past with its participle, the imperfect; en, fr, es, it, pt, de,
# ru, ar), looked for in the clause of a day and month written without a year: with neither these nor a future cue
# the clause gives no side ("les 18 et 19 avril", "dès le 1er janvier" in a list of measures), and the nearer such
# date is taken: mostly the coming one when it is weeks ahead, as reports announce what is scheduled.
PAST = {
    # Generous on purpose: a past cue where there is none only keeps the past reading that was the rule before; a
    # missing one moves a past date ahead. Present forms that are also pasts (hit, set, put, cut) count.
    "en": r"\b(?:was|were|had|did|\w{2,}ed|said|told|took|met|came|went|made|gave|began|held|left|won|lost|saw|fell|"
    r"rose|led|sent|brought|found|kept|paid|ran|spoke|wrote|became|struck|fought|fled|shot|drew|grew|threw|knew|"
    r"flew|wore|stood|sat|rang|drove|rode|broke|chose|froze|stole|woke|got|shook|sold|bought|caught|taught|sought|"
    r"thought|built|spent|meant|felt|dealt|slept|heard|laid|sank|hung|hid|bit|lit|dug|spun|swore|tore|ate|forgot|"
    r"ago)\b|"
    # ... but not as the noun after a determiner ("another rate cut", "a set of", "the cost") nor the infinitive
    r"(?<!\ba )(?<!\ban )(?<!\bthe )(?<!another )(?<!\brate )(?<!\btax )(?<!\bits )(?<!\bno )(?<!\bnew )(?<!\bto )"
    r"\b(?:hit|cut|quit|set|put|spread|shut|let|beat|cost|hurt|split|burst|cast)\b",
    "fr": r"\b(?:a|ont|avait|avaient|est|sont|était|étaient|fut|furent|eut|eurent)\s+(?:\w+\s+){0,2}?"
    r"\w+(?:é|ée|és|ées|i|is|ie|it|ite|u|us|ue|ues|t|te|ts|tes|ert|erte|eint|ait)\b|\b\w+(?<!r)(?:ait|aient)\b|"
    r"\b\w+(?:èrent|irent|urent)\b|\b(?:aurai(?:t|ent)|serai(?:t|ent))\s+(?:été\s+)?\w+(?:é|ée|és|ées|i|is|u|us)\b",
    "es": r"\b(?:\w{3,}(?:ó|aron|ieron|eron|jeron|aba|aban|ía|ían)|fue|fueron|era|eran|había|habían|estaba|"
    r"estaban|hizo|hicieron|dijo|tuvo|tuvieron|puso|vino|vinieron|estuvo|pudo|quiso|supo|"
    r"(?:ha|han|hemos|habría|habrían)\s+\w+(?:ado|ido|to|cho))\b",
    "it": r"\b(?:(?:ha|hanno|è|e'|sono|era|erano|aveva|avevano|fu|furono)\s+(?:[\w'’]+\s+){0,2}?"
    r"\w+(?:at[oaie]|ut[oaie]|it[oaie]|s[oaie]|tt[oaie]|st[oaie]|rt[oaie]|nt[oaie]|lt[oaie])|"
    r"(?!(?:lune|marte|mercole|giove|vener)dì)"  # a weekday's name ends as a passato remoto does ("partì")
    r"\w{2,}(?:ò|ì|arono|erono|irono|ava|avano|eva|evano|dde|ddero|sse|sero|cero|nnero|bbero|cque|ebbe)|"
    r"\w*(?:ven|ten)ne|"  # "venne", "divenne", "ottenne" (not "donne", "colonne")
    r"(?:sarebbe(?:ro)?|avrebbe(?:ro)?)\s+(?:stat[oaie]\s+)?\w+(?:at[oaie]|ut[oaie]|it[oaie]|s[oaie]|tt[oaie]))\b",
    "pt": r"\b(?:\w{2,}(?:ou|eu|iu|aram|eram|iram|ava|avam|ia|iam)|foi|foram|era|eram|tinha|tinham|havia|estava|"
    r"estavam|fez|fizeram|disse|disseram|teve|tiveram|pôs|veio|vieram|esteve|pôde|quis|soube|"
    r"(?:teria|teriam|terá|terão)\s+\w+(?:ado|ido))\b",
    # German nouns are capitalised: a lower-case word in -te/-ten is mostly a weak past (or an adjective: safe), but
    # not a superlative or ordinal in -ste(n) ("die meisten", "das nächste", "am ersten"; "musste", "wusste" are
    # pasts), the other ordinals, "heute", "gute", "alte", "letzte", "weite", "breite": these are in every tense, and
    # taken for pasts they kept "Im Juli rechnen die meisten Volkswirte mit einer Pause" a year back
    "de": r"\b(?:hatte|hatten|war|waren|wurde|wurden|starb|kam|kamen|ging|gingen|fand|fanden|trat|traten|gab|gaben|"
    r"nahm|nahmen|sah|sprach|hielt|fiel|stand|lag|saß|traf|brach|fuhr|lief|rief|schlug|verlor|gewann|begann|zog|"
    r"flog|bot|blieb|schrieb|stieg|wies|erschien|verließ|entschied|beschloss|"
    r"(?-i:(?!(?:heut|gut|alt|letzt|größt|weit|breit|zweit|dritt|viert|fünft|siebt|acht|neunt|zehnt|elft|zwölft)en?\b)"
    r"[a-zäöü]\w+(?:te|ten)(?<!(?<!s)ste)(?<!(?<!s)sten))|"
    r"(?:hat|haben|ist|sind)\b[^.!?]{0,80}?\bge\w+(?:t|en))\b",
    "ru": r"\b\w+(?:ал|ала|али|ало|ил|ила|или|ило|ел|ела|ели|ёл)(?:ся|сь)?\b",
    "ar": r"(?!)",
}
# Words of a plan right before a subordinator ("Il est prévu que", "Está previsto que", "È previsto che", "It is
# expected that", "من المقرر أن"): the clause after it is planned, in whatever mood.
SCHEDULED = (
    r"scheduled|expected|planned|prévue?s?|previst[oa]s?|programad[oa]s?|programmat[oa]|geplant|vorgesehen|"
    r"marcad[oa]s?|planejad[oa]s?|запланировано|ожидается|من المقرر|المقرر"
)
# Verbs of saying in the past (en, it, de, fr, es, pt, ru, ar): a date right after one ("said on Friday", "dijo el
# viernes") dates the saying, and what follows is what was said, in its own tense; a subordinator ("that", "que")
# after one opens the reported clause.
REPORTING = (
    r"said|says|told|announced|stated|added|declared|reported|confirmed|insisted|warned|assured|promised|"
    r"indicated|explained|noted|stressed|suggested|"
    r"detto|dichiarato|annunciato|affermato|assicurato|disse|dichiarò|annunciò|"
    r"sagte|gesagt|erklärte|erklärt|kündigte|teilte|betonte|versicherte|"
    r"dit|déclaré|annoncé|affirmé|assuré|indiqué|promis|précisé|"
    r"dijo|dicho|declaró|declarado|anunció|anunciado|afirmó|afirmado|aseguró|asegurado|señaló|indicó|prometió|"
    r"declarou|anunciou|afirmou|garantiu|prometeu|dito|declarado|anunciado|"
    r"сказал|сказала|заявил|заявила|сообщил|сообщила|объявил|пообещал|"
    r"قال|أعلن|أكد|صرح"
)

# A weekday of habit, not a date: "every Friday", "ogni venerdì", "jeden Freitag", "chaque vendredi", "cada viernes",
# "toda sexta-feira", "каждую пятницу", "كل جمعة" (crisis-it has "ogni venerdì un nuovo appuntamento" newsletters).
HABIT_BEFORE = {
    "en": r"\b(?:every|each)\s+$",
    "it": r"\b(?:ogni|tutti\s+i|tutte\s+le)\s+$",
    "de": r"\b(?:jeden|jedem|jeder)\s+$",
    "fr": r"\b(?:chaque|tous\s+les)\s+$",
    "es": r"\b(?:cada|todos\s+los|todas\s+las)\s+$",
    "pt": r"\b(?:cada|toda|todas\s+as|todo|todos\s+os)\s+$",
    "ru": r"(?<![^\W\d_])(?:каждый|каждую|каждое)\s+$",
    "ar": r"(?<![^\W\d_])كل\s+$",
}

# A range of weekdays with clock times after it is a schedule, not two dates: "Monday to Friday, 9am to 5pm",
# "Montag bis Freitag 14 - 17 Uhr", "du lundi au vendredi de 9h à 18h", "de lunes a viernes de 9:00 a 14:00", "dal
# lunedì al venerdì dalle 9 alle 13", "с понедельника по пятницу с 9:00 до 18:00" (opening hours on the extraction
# pages were read as dates). The words that join a range's two days, and the clock time right after it, in all
# eight languages; a range without clock times ("the summit runs Monday to Wednesday") stays two dates.
RANGE_JOIN = r"\s*(?:[-–—/]|to|through|thru|till|until|bis|au|à|a|al|hasta|até|по|إلى)\s*"
SCHEDULE_TIME = (
    r"[\s,;:(]*(?:(?:von|from|de|des|das|dès|desde|с|من)\s+)?"
    r"(?:\d{1,2}[:.]\d{2}(?!\d)|\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.|صباحا|مساء)(?![^\W\d_])|"
    r"(?:dalle|alle)\s+(?:ore\s+)?\d{1,2}(?!\d))"
)

# Named days, not the nearest such weekday: a capitalised word before it ("Super Tuesday", "Black Friday", "Patch
# Tuesday", "Bloody Sunday", "Good Friday") or a feast word after it ("Viernes Santo", "Vendredi saint", "Mardi gras",
# "Domingo de Ramos", "Lunedì dell'Angelo").
# (The words before are matched in the case written.)
NAMED_DAY_BEFORE = (
    r"\b(?:Super|Black|Cyber|Good|Ash|Holy|Maundy|Bloody|Easter|Palm|Patch|Fat|Shrove|Giving)\s+$"
)
# A weekday quoted alone, an article at most with it, is a name too: the weekly „der Freitag“, «Le Vendredi».
QUOTED_DAY_BEFORE = r"[„“\"«‹‘]\s*(?:(?:der|die|das|le|la|il|el|o|the)\s+)?$"
QUOTED_DAY_AFTER = r"\s*[“”\"»›’‘]"
NAMED_DAY_AFTER = (
    r"^\s+(?:(?:sant[oa]|saint)(?!\s*-|\s+(?-i:[A-ZÀ-Þ]))|gras|grasso|de\s+(?:pascua|ramos|páscoa|pâques|resurrección)|"
    r"dell['’]angelo|di\s+pasqua)(?![^\W\d_])"  # not "Santa Fe", "Santa Catarina", "Saint-Étienne"
)

# Days counted from the date the article gave last (issue 7: "two days later" counts from the story's date, not from
# the publish date as dateparser does): (regex, days, may take a complement). {N} stands for a count (digits or
# COUNT_WORDS) and then ``days`` is its sign. A form that may take a complement counts from an event when one follows
# ("the day before the vote", "il giorno dopo la strage", "le lendemain de l'attaque": see ANAPHOR_OBJECT), and is
# then dropped; "the next day" and "two days later" never take one.
ANAPHORIC: dict[str, list[tuple[str, int, bool]]] = {
    "en": [
        (r"the (?:next|following) day", 1, False),
        (r"the day after(?! tomorrow)", 1, True),
        (r"the (?:previous|preceding) day", -1, False),
        (r"the day before(?! yesterday)", -1, True),
        (r"(?:on )?the same day|that same day", 0, True),
        (r"{N} days later", 1, False),
        (r"{N} days earlier", -1, False),
        (r"{N} days before", -1, True),
    ],
    "it": [
        (r"il giorno (?:dopo|successivo|seguente)|l['’]indomani", 1, True),
        (r"il giorno (?:prima|precedente)", -1, True),
        (r"(?:nel)?lo stesso giorno|quello stesso giorno", 0, True),
        (r"{N} giorni più tardi", 1, False),
        (r"{N} giorni dopo", 1, True),
        (r"{N} giorni prima", -1, True),
    ],
    "de": [
        (r"am (?:nächsten|folgenden) Tag|tags darauf|am Tag danach", 1, False),
        (r"am Tag (?:zuvor|davor)|tags zuvor", -1, False),
        (r"am Vortag", -1, True),
        (r"am (?:selben|gleichen) Tag", 0, True),
        (r"{N} Tage (?:später|danach)", 1, False),
        (r"{N} Tage (?:zuvor|vorher|früher)", -1, False),
    ],
    "fr": [
        (r"le lendemain", 1, True),
        (r"la veille", -1, True),
        (r"le même jour", 0, True),
        (r"{N} jours plus tard", 1, False),
        (r"{N} jours après", 1, True),
        (r"{N} jours (?:plus tôt|auparavant)", -1, False),
        (r"{N} jours avant", -1, True),
    ],
    "es": [
        (r"(?:al|el) día siguiente", 1, True),
        (r"el día anterior", -1, True),
        (r"(?:el|ese|aquel) mismo día", 0, True),
        (r"la víspera", -1, True),
        (r"{N} días más tarde", 1, False),
        (r"{N} días después", 1, True),
        (r"{N} días antes", -1, True),
    ],
    "pt": [
        (r"(?:no|o) dia seguinte", 1, True),
        (r"(?:no|o) dia anterior|na véspera", -1, True),
        (r"(?:no|o) mesmo dia", 0, True),
        (r"{N} dias mais tarde", 1, False),
        (r"{N} dias depois", 1, True),
        (r"{N} dias antes", -1, True),
    ],
    "ru": [
        (r"на следующий день", 1, True),
        # "накануне выборов" is "on the eve of the elections": only "накануне" alone or with a time of day
        (r"накануне(?=\s*[,.;:!?)]|\s*$|\s+(?:вечером|утром|днём|днем|ночью))", -1, False),
        (r"в тот же день", 0, True),
        (r"через {N} (?:дня|дней)", 1, True),
        (r"{N} (?:дня|дней) спустя", 1, False),
    ],
    "ar": [
        (r"في اليوم التالي|اليوم التالي", 1, True),
        (r"في اليوم السابق|اليوم السابق", -1, True),
        (r"في اليوم نفسه|في نفس اليوم", 0, True),
        (r"بعد {N} (?:أيام|يوما|يوماً)", 1, True),
    ],
}
# Words that, right after a form that may take a complement, make it count from an event: articles, prepositions,
# pronouns and conjunctions ("the day after the vote", "the day after he resigned", "la veille du scrutin", "dos días
# después del ataque", "на следующий день после выборов").
ANAPHOR_OBJECT: dict[str, str] = {
    "en": r"(?:the|a|an|as|his|her|its|their|this|that|these|those|he|she|it|they|we)\b",
    "it": r"(?:il|lo|la|l['’]|i|gli|le|un|una|uno|a|al|alla|all['’]|ai|del|dello|della|dell['’]|dei|degli|delle|"
    r"dal|dalla|di|da|che)\b",
    "de": r"(?:dem|der|den|des|einem|einer|nach|vor|wie)\b",
    "fr": r"(?:du|de|des|d['’]|la|le|les|l['’]|que|qu['’])",
    "es": r"(?:a|al|de|del|la|el|los|las|que)\b",
    "pt": r"(?:a|ao|à|de|do|da|dos|das|que|em)\b",
    "ru": r"(?:после|до|того|этого|как|что)\b",
    "ar": r"(?:من|على|ل)",
}
