"""The multiple-choice card's scripts, run in headless Chromium as Anki's reviewer runs them.

Anki renders the front, then replaces the card's HTML with the back in the same web view, and
the next card's front after that, so `sessionStorage` and the page's globals carry from one to
the next. The page below does the same with the HTML the real `anki` library renders: for each
review it shows the front (re-creating its scripts, as the reviewer does), taps an option,
swaps in the back, and records what each side shows.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from chromium import dump_dom, needs_chromium

from quizgen.exports.anki import export_anki
from quizgen.facts.loader import load_fact_base
from quizgen.paths import shipped_notes_dir
from quizgen.questions.generator import GenerateOptions, generate_set

FACT = "kerry-post-secretary-of-state"
REVIEWS = 8

pytestmark = needs_chromium

# For each pick: the front (its scripts run), a tap on that option, then the back swapped in.
# A null front shows the back alone; a null pick taps nothing.
PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><style>%(css)s</style></head>
<body><div class="card" id="qa"></div><pre id="out"></pre>
<script>
(function () {
  var qa = document.getElementById("qa");
  function show(side) {
    qa.innerHTML = side;
    var scripts = qa.getElementsByTagName("script");
    for (var i = 0; i < scripts.length; i++) {
      var fresh = document.createElement("script");
      fresh.textContent = scripts[i].textContent;
      scripts[i].parentNode.replaceChild(fresh, scripts[i]);
    }
  }
  function options() { return Array.prototype.slice.call(qa.querySelectorAll("#qg-options li")); }
  function seen() {
    return options().map(function (li) {
      var letter = li.getElementsByClassName("qg-letter")[0];
      return [li.getAttribute("data-index"), letter ? letter.textContent : "", li.className,
              getComputedStyle(li).borderTopColor];
    });
  }
  var front = %(front)s, back = %(back)s, picks = %(picks)s, reviews = [];
  for (var r = 0; r < picks.length; r++) {
    var review = {};
    if (front !== null) {
      show(front);
      var pick = picks[r] === null ? null
        : qa.querySelector('#qg-options li[data-index="' + picks[r] + '"]');
      if (pick) { pick.click(); }
      review.front = seen();
    }
    show(back);
    review.back = seen();
    var verdict = document.getElementById("qg-verdict");
    review.verdict = verdict.hasAttribute("hidden") ? null
      : [verdict.className, verdict.textContent];
    review.keyLetter = document.getElementById("qg-key-letter").textContent;
    reviews.push(review);
  }
  document.getElementById("out").textContent = JSON.stringify(reviews);
})();
</script></body></html>
"""


@dataclass(frozen=True, slots=True)
class Card:
    """One multiple-choice card as the `anki` library renders it, and its key's stored index."""

    front: str
    back: str
    css: str
    key: str


def render(col: Any, nid: int) -> Card:
    note = col.get_note(nid)
    (card,) = [c for c in note.cards() if c.template()["name"] == "Multiple choice"]
    out = card.render_output()
    return Card(out.question_text, out.answer_text, out.css, note["KeyIndex"])


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Card]]:
    """A card whose options shuffle, and one of numbers or dates (kept ascending)."""
    collection = pytest.importorskip("anki.collection")
    folder = tmp_path_factory.mktemp("anki-js")
    base = load_fact_base(shipped_notes_dir())
    qset = generate_set(base, GenerateOptions(forms=("multiple-choice",)), 2016)
    apkg = folder / "deck.apkg"
    apkg.write_bytes(export_anki(qset, base, environ={}).content)
    col = collection.Collection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(
            collection.ImportAnkiPackageRequest(
                package_path=str(apkg), options=collection.ImportAnkiPackageOptions()
            )
        )
        (shuffled,) = col.find_notes(f'"FactId:{FACT}"')
        ascending = col.find_notes('"Options:*qg-ascending*"')[0]
        yield {"shuffled": render(col, shuffled), "ascending": render(col, ascending)}
    finally:
        col.close()


def run_page(folder: Path, card: Card, picks: list[str | None], *, front: bool = True) -> Any:
    """What each review showed, as headless Chromium ran the page."""
    page = folder / "card.html"

    def as_js(text: str | None) -> str:
        # `</` inside a JSON string would end the page's script: write it as `<\\/`.
        return json.dumps(text).replace("</", "<\\/")

    values = {
        "css": card.css,
        "front": as_js(card.front if front else None),
        "back": as_js(card.back),
        "picks": json.dumps(picks),
    }
    page.write_text(PAGE % values, "utf-8")
    dom = dump_dom(page, folder / "profile")
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert found is not None, dom[-2000:]
    return json.loads(html.unescape(found.group(1)))


def indices(side: list[list[str]]) -> list[str]:
    return [index for index, *_ in side]


def test_every_review_shuffles_and_the_back_shows_the_order_the_front_showed(
    cards: dict[str, Card], tmp_path: Path
) -> None:
    card = cards["shuffled"]
    reviews = run_page(tmp_path, card, [card.key] * REVIEWS)
    orders = {tuple(indices(r["front"])) for r in reviews}
    assert len(orders) >= 2  # 8 reviews of 4 options all in one order: 1 chance in 24**7
    for review in reviews:
        assert indices(review["back"]) == indices(review["front"])
        assert sorted(indices(review["front"])) == ["0", "1", "2", "3"]
        letters = [letter for _, letter, *_ in review["front"]]
        assert letters == [letter for _, letter, *_ in review["back"]] == ["A.", "B.", "C.", "D."]
        shown_at = indices(review["back"]).index(card.key)
        assert review["keyLetter"] == f"{'ABCD'[shown_at]}. "


def test_numbers_and_dates_keep_their_ascending_order(
    cards: dict[str, Card], tmp_path: Path
) -> None:
    card = cards["ascending"]
    reviews = run_page(tmp_path, card, [None] * 4)
    stored = [str(i) for i in range(len(reviews[0]["front"]))]
    assert all(indices(r["front"]) == indices(r["back"]) == stored for r in reviews)


@pytest.mark.parametrize("right", [True, False], ids=["right-pick", "wrong-pick"])
def test_a_tap_is_marked_and_the_back_says_whether_it_was_right(
    cards: dict[str, Card], tmp_path: Path, right: bool
) -> None:
    card = cards["shuffled"]
    pick = card.key if right else str((int(card.key) + 1) % 4)
    (review,) = run_page(tmp_path, card, [pick])
    front = {index: classes for index, _, classes, _ in review["front"]}
    assert front[pick] == "qg-picked" and list(front.values()).count("qg-picked") == 1
    back = {index: (letter, classes) for index, letter, classes, _ in review["back"]}
    letter, classes = back[pick]
    assert set(classes.split()) == {"qg-picked", "qg-right" if right else "qg-wrong"}
    expected = ("Right: you picked " if right else "Not quite: you picked ") + letter
    assert review["verdict"] == ["qg-verdict " + ("qg-right" if right else "qg-wrong"), expected]


def test_a_back_shown_alone_keeps_the_stored_order_marks_the_key_and_no_pick(
    cards: dict[str, Card], tmp_path: Path
) -> None:
    # as on a client where the front's script did not run
    card = cards["shuffled"]
    (review,) = run_page(tmp_path, card, [None], front=False)
    assert indices(review["back"]) == ["0", "1", "2", "3"]
    assert review["verdict"] is None
    assert not [classes for _, _, classes, _ in review["back"] if classes]
    borders = {index: border for index, _, _, border in review["back"]}
    assert len({borders[i] for i in borders if i != card.key}) == 1
    assert borders[card.key] not in {borders[i] for i in borders if i != card.key}
