"""Coverage by outlet: facts, only_here, left_out; copies once under their original; unnamed outlets apart."""

from __future__ import annotations

from dataclasses import dataclass

from newsfold.models import Article
from newsfold.story.align import align
from newsfold.story.coverage import find_facts, outlet_coverage


@dataclass(frozen=True)
class _Outlet:
    name: str
    country: str | None
    type: str | None


def _art(key: str, text: str, outlet: str | None) -> Article:
    return Article(
        key=key, location=key, fmt="text", raw=text, text=text, title=key, outlet=outlet, lang="en"
    )


RATE = "The central bank raised its main interest rate to 4.5 percent on Thursday."
FARM = "Farmers protested in the capital against new fuel taxes and blocked the main roads."
ARTS = [
    _art("a", RATE + "\n\nShares in property developers fell sharply after the announcement.", "Wire"),
    _art("b", "On Thursday the central bank lifted its main interest rate to 4.5 percent.", "Daily"),
    _art(
        "c", "The central bank increased the main interest rate to 4.5 percent on Thursday. " + FARM, "Herald"
    ),
    _art("d", FARM + " Police closed the central bank building for the whole day.", None),
    _art(
        "a-copy", RATE + "\n\nShares in property developers fell sharply after the announcement.", "Reprinter"
    ),
]


def test_facts_outlets_only_here_and_left_out() -> None:
    al = align(ARTS, {"a-copy": "a"})
    facts = find_facts(al)
    rate = next(f for f in facts if "4.5 percent" in f.text)
    assert rate.id == "f1" and set(rate.articles) == {"a", "b", "c"}
    assert all("a-copy" not in f.articles for f in facts)  # copies count under their original
    outlets = {o["name"]: o for o in outlet_coverage(al, facts, {"Wire": _Outlet("Wire", "GB", "agency")})}
    assert "Reprinter" not in outlets
    assert outlets["Wire"]["country"] == "GB" and outlets["Wire"]["type"] == "agency"
    assert outlets["Daily"]["country"] is None
    unknown = outlets["unknown (d)"]
    assert rate.id in unknown["left_out"] and rate.id not in unknown["reports"]
    shares = next(f for f in facts if f.text.startswith("Shares"))
    assert outlets["Wire"]["only_here"] == [shares.id]
    farm = next(f for f in facts if f.text.startswith("Farmers"))
    assert set(farm.articles) == {"c", "d"}
    assert farm.id in outlets["Wire"]["left_out"]  # 2 of the 3 other outlets report it
    assert farm.id not in outlets["Herald"]["left_out"]
    for o in outlets.values():
        assert set(o["only_here"]) <= set(o["reports"])
        assert not set(o["left_out"]) & set(o["reports"])


def test_a_paragraph_printed_twice_is_one_fact() -> None:
    twice = _art("a", f"{RATE}\n\n{FARM}\n\n{RATE}\n\n{FARM.upper()}", "Wire")
    facts = find_facts(align([twice, ARTS[1]]))
    assert sorted(f.text for f in facts) == sorted([RATE, FARM])
