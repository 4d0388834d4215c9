"""The model-free Arabic name recogniser: persons after role words and speech verbs, organisations, places, and the
Arabic names and quotes of a story's fold."""

from __future__ import annotations

from builders import text_article
from newsfold.story import recognise_ar
from newsfold.story.entities import extract_mentions, find_entities
from newsfold.story.quotes import find_quotes

LAVROV = (
    "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو سلمت ردها إلى السفير الأمريكي جون سوليفان. "
    "وأضاف لافروف أن الولايات المتحدة وحلف الناتو تجاهلا مطالب روسيا."
)
PESKOV = "وقال المتحدث باسم الكرملين دميتري بيسكوف للصحفيين إن الرئيس فلاديمير بوتين سيلتقي نظيره الأمريكي."
ASSAD = (
    "وقال الرئيس السوري بشار الأسد إن الحرب انتهت، "
    "وقال مسؤول أمريكي إن الأمين العام للأمم المتحدة أنطونيو غوتيريش دعا إلى التهدئة."
)
AGENCY = "وذكرت وكالة تاس أن وزارة الخارجية الروسية سلمت الرد إلى البنك المركزي الأوروبي وبروسيا."


def found(text: str) -> list[tuple[str, str]]:
    return [(surface, label) for surface, label, _ in recognise_ar.mentions(text)]


def test_a_person_is_the_name_after_a_role_and_its_description() -> None:
    names = found(LAVROV)
    assert ("سيرغي لافروف", "PERSON") in names  # past "الخارجية الروسي"
    assert ("جون سوليفان", "PERSON") in names
    assert ("لافروف", "PERSON") in names  # the surname alone, after a verb
    assert ("موسكو", "GPE") in names and ("الولايات المتحدة", "GPE") in names and ("روسيا", "GPE") in names
    assert ("حلف الناتو", "ORG") in names


def test_a_name_stops_where_the_name_does() -> None:
    names = dict(found(PESKOV))
    assert names.get("دميتري بيسكوف") == "PERSON"  # not "... للصحفيين" ("to the journalists")
    assert names.get("فلاديمير بوتين") == "PERSON"  # not "... سيلتقي" ("will meet")
    assert names.get("الكرملين") == "ORG"  # whom the spokesman speaks for is no part of his name
    names = dict(found(ASSAD))
    assert names.get("بشار الأسد") == "PERSON"  # an Arabic surname with the article, after a given name
    assert names.get("أنطونيو غوتيريش") == "PERSON"
    assert "مسؤول أمريكي" not in names  # "an American official" is nobody's name
    assert not any(s.startswith("كريستين لاغارد ال") for s in dict(found("وقالت كريستين لاغارد الفرنسية إن")))


def test_organisations_and_places_lose_the_letters_written_onto_them() -> None:
    names = dict(found(AGENCY))
    assert names.get("وكالة تاس") == "ORG"
    assert names.get("وزارة الخارجية الروسية") == "ORG"
    assert names.get("البنك المركزي الأوروبي") == "ORG"
    assert names.get("روسيا") == "GPE"  # "وبروسيا": wa- and bi- off
    assert dict(found(ASSAD)).get("الأمم المتحدة") == "GPE"  # li- + al- gives its alef back


def test_offsets_point_at_the_names() -> None:
    for text in (LAVROV, PESKOV, AGENCY):
        for surface, _, start in recognise_ar.mentions(text):
            assert text[start : start + len(surface)] == surface


def test_a_story_finds_the_persons_its_other_articles_name() -> None:
    first = text_article(
        "a", "وقالت رئيسة البنك كريستين لاغارد في مؤتمر صحفي إن البنك خفض الفائدة.", lang="ar"
    )
    second = text_article("b", "وقالت لاغارد إن البنك لا يلتزم مسبقا بأي مسار لأسعار الفائدة.", lang="ar")
    alone = [(m.text, m.label) for m in extract_mentions([second], use_model=False)]
    assert alone == []  # alone, a surname after a verb is no name
    people = [e for e in find_entities([first, second], use_model=False) if e.type == "PERSON"]
    assert [(e.name, sorted(e.articles)) for e in people] == [("كريستين لاغارد", ["a", "b"])]
    assert set(people[0].variants) == {"كريستين لاغارد", "لاغارد"}


def test_an_arabic_quote_is_the_subject_after_its_verb() -> None:
    arts = [
        text_article(
            "a",
            'وقالت رئيسة البنك كريستين لاغارد في مؤتمر صحفي في فرانكفورت: "لا نلتزم مسبقا بمسار محدد لأسعار الفائدة".',
            lang="ar",
        ),
        text_article(
            "b",
            'وأكد الوزير سيرغي لافروف للصحفيين: "سنرد على الاقتراحات الأمريكية خلال أيام قليلة".',
            lang="ar",
        ),
    ]
    entities = find_entities(arts, use_model=False)
    quotes = find_quotes(arts, entities, extract_mentions(arts, use_model=False))
    assert sorted((q.speaker, q.text.split()[0]) for q in quotes) == [
        ("سيرغي لافروف", "سنرد"),
        ("كريستين لاغارد", "لا"),
    ]


def test_times_end_a_description_regions_name_places_and_occupations_are_roles() -> None:
    text = (
        "أعلنت وزارة الداخلية السعودية اليوم الثلاثاء ضبط شبكة لتهريب المخدرات في منطقة جازان. "
        "وقال المتحدث الأمني لوزارة الداخلية العميد طلال الشلهوب إن التحقيقات مستمرة. "
        "وقال المحامي خالد العتيبي إن القضية قد تنتهي بأحكام مشددة."
    )
    names = dict(found(text))
    assert names.get("وزارة الداخلية السعودية") == "ORG"  # not "... اليوم الثلاثاء" ("today, Tuesday")
    assert names.get("جازان") == "GPE"  # "منطقة جازان": the Jazan region
    assert names.get("طلال الشلهوب") == "PERSON"  # an al- surname after a first name
    assert names.get("خالد العتيبي") == "PERSON"  # after an occupation
    assert not any(s.startswith("شبكة") for s in names)  # "a network for smuggling" is no outlet
