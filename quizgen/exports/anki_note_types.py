"""The Anki note type quizgen ships: one note per fact, a card per way of studying it.

"quizgen fact v2" has one card template per way to study a fact: multiple choice, recall, fill in
the blank, and put in order. A template yields a card only where its own field is filled (the
whole front sits inside `{{#Field}}...{{/Field}}`), so a fact without a good blank simply has no
blank card. The cards of one note are siblings, which Anki buries for the day once one of them
is answered (with the deck preset below).

The note type has an id generated once and written here. Anki identifies a note type by that
id and its field list: renaming, adding or reordering a field under the same id makes Anki copy
the note type and refuse to update existing notes. So a change of fields means a new id and a
new name ("... v3"); a change of templates or CSS keeps both.

Templates never contain `{{` or `}}` except around field names: Anki reads those as fields, even
inside a script. No front names a field that tells the key apart (the fact id spells the answer
out, the key's index is the answer): the backs alone carry them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from quizgen.questions.timeline import ORDER_STEM

FACT_NOTE_ID = 1593184828
#: The deck options preset the decks use: siblings buried, Anki's other defaults kept.
PRESET_ID = 1896471045694
PRESET_NAME = "quizgen: one card per fact a day"

#: Where the multiple-choice front leaves what the learner saw (its option order and the tap)
#: for the back to read.
STATE_KEY = "quizgen-choice"


@dataclass(frozen=True, slots=True)
class Field:
    """One field of the note type, and what it holds."""

    name: str
    holds: str


#: The fields, in the order Anki stores them (never reorder or rename: see the module docstring).
FIELDS = (
    Field("FactId", "the fact's id (first field, so Anki's browser sorts and shows it)"),
    Field("Question", "the multiple-choice question (its card is made when Options is filled)"),
    Field("Options", "the options as a list, in stored order, the key not marked"),
    Field("KeyIndex", "the key's position in Options, from 0 (read by the back only)"),
    Field("Answer", "the right answer's text, on the multiple-choice and recall backs"),
    Field("Recall", "the question asked without options (its card is made when filled)"),
    Field("Blanked", "the fact's statement with its answer blanked (fill-in card when filled)"),
    Field("Statement", "the statement with the answer marked, on the fill-in back"),
    Field("Events", "events to put in order, where the fact's event heads a chain of them"),
    Field("Order", "those events in the order they happened, with their dates"),
    Field("Explanation", "why the answer is right"),
    Field("Sources", "outlet, headline, date and exact quote of each proving document"),
    Field("OrderSources", "the sources that date the events of the ordering card"),
)
FIELD_NAMES = tuple(f.name for f in FIELDS)


@dataclass(frozen=True, slots=True)
class Template:
    """One card template: its name, the field that must be filled for it, front and back."""

    name: str
    #: How the export summary counts this template's cards ("15 multiple choice").
    label: str
    field: str
    front: str
    back: str


@dataclass(frozen=True, slots=True)
class NoteType:
    """What genanki needs to build the note type; a fresh `genanki.Model` is made per export."""

    id: int
    name: str
    fields: tuple[str, ...]
    templates: tuple[Template, ...]

    def model_args(self) -> dict[str, Any]:
        """Keyword arguments for `genanki.Model` (new lists each time: genanki mutates them)."""
        return {
            "model_id": self.id,
            "name": self.name,
            "fields": [{"name": name} for name in self.fields],
            "templates": [
                {"name": t.name, "qfmt": t.front, "afmt": t.back} for t in self.templates
            ],
            "css": CSS,
            "model_type": 0,  # genanki.Model.FRONT_BACK
            "sort_field_index": 0,
        }


# Shared by both multiple-choice scripts. Each option is an <li data-index="stored position">;
# an order is a list of those indices, first shown first. `show` moves the options into that
# order and letters them A, B, C... as shown. `load`/`save` keep what the learner saw in
# sessionStorage (the reviewer keeps it from front to back, also where the back is a new page)
# and in a global (for clients without storage). A card is known by its question's text: the
# front holds nothing else that is the card's own, and that gives nothing away.
_CHOICE_COMMON = """
  var card = document.getElementById("qg-card");
  var box = document.getElementById("qg-options");
  var list = box ? box.getElementsByTagName("ul")[0] : null;
  if (!card || !list) { return; }
  var question = document.getElementById("qg-question");
  var id = (question ? question.textContent : "") + "#" + list.children.length;
  var byIndex = {};
  var stored = [];
  for (var i = 0; i < list.children.length; i++) {
    var index = list.children[i].getAttribute("data-index");
    byIndex[index] = list.children[i];
    stored.push(index);
  }
  function letter(n) { return "ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(n) || String(n + 1); }
  function show(order) {
    for (var n = 0; n < order.length; n++) {
      var item = byIndex[order[n]];
      list.appendChild(item);
      var mark = item.getElementsByClassName("qg-letter")[0];
      if (mark) { mark.textContent = letter(n) + "."; }
    }
  }
  function load() {
    var text = null;
    try { text = window.sessionStorage.getItem("__STATE_KEY__"); } catch (e) { text = null; }
    if (!text) { text = window.quizgenChoice || null; }
    var state = null;
    try { state = text ? JSON.parse(text) : null; } catch (e) { state = null; }
    return state && state.id === id ? state : null;
  }
  function save(state) {
    var text = JSON.stringify(state);
    window.quizgenChoice = text;
    try { window.sessionStorage.setItem("__STATE_KEY__", text); } catch (e) { /* no storage */ }
  }
"""

# The front shuffles the options (unless they are numbers or dates, kept ascending), letters
# them as shown, and records a tap. Every step is guarded: where scripts do not run, the stored
# order shows, lettered A, B, C... as stored.
FRONT_SCRIPT = (
    """<script>
(function () {"""
    + _CHOICE_COMMON
    + """  var order = stored.slice();
  if (list.className.indexOf("qg-ascending") < 0) {
    for (var k = order.length - 1; k > 0; k--) {
      var r = Math.floor(Math.random() * (k + 1));
      var swap = order[k]; order[k] = order[r]; order[r] = swap;
    }
  }
  show(order);
  var state = { id: id, order: order, pick: null };
  save(state);
  function pick(index) {
    for (var n = 0; n < order.length; n++) { byIndex[order[n]].classList.remove("qg-picked"); }
    byIndex[index].classList.add("qg-picked");
    state.pick = index;
    save(state);
  }
  for (var n = 0; n < order.length; n++) {
    var item = byIndex[order[n]];
    item.setAttribute("role", "button");
    item.setAttribute("tabindex", "0");
    item.addEventListener("click", pick.bind(null, order[n]));
  }
})();
</script>"""
).replace("__STATE_KEY__", STATE_KEY)

# The back shows the options in the order the front showed them, marks the pick and says
# whether it was right, and letters the answer line. The key itself is marked by the template
# (`data-key`) and the CSS alone, so it shows without this script too.
BACK_SCRIPT = (
    """<script>
(function () {"""
    + _CHOICE_COMMON
    + """  var key = box.getAttribute("data-key");
  var state = load();
  var order = state ? state.order : stored;
  if (state) { show(order); }
  var keyLetter = document.getElementById("qg-key-letter");
  var keyAt = order.indexOf(key);
  if (keyLetter && keyAt >= 0) { keyLetter.textContent = letter(keyAt) + ". "; }
  var verdict = document.getElementById("qg-verdict");
  if (!state || state.pick === null || !byIndex[state.pick] || !verdict) { return; }
  var right = state.pick === key;
  var item = byIndex[state.pick];
  item.classList.add("qg-picked", right ? "qg-right" : "qg-wrong");
  verdict.textContent = (right ? "Right: you picked " : "Not quite: you picked ")
    + letter(order.indexOf(state.pick)) + ".";
  verdict.className = "qg-verdict " + (right ? "qg-right" : "qg-wrong");
  verdict.removeAttribute("hidden");
})();
</script>"""
).replace("__STATE_KEY__", STATE_KEY)

_EXPLANATION = '{{#Explanation}}<div class="qg-explanation">{{Explanation}}</div>{{/Explanation}}\n'


def _sources(field: str) -> str:
    return (
        f'{{{{#{field}}}}}<div class="qg-citation"><div class="qg-label">Sources</div>'
        f"{{{{{field}}}}}</div>{{{{/{field}}}}}\n"
    )


_META = '<div class="qg-meta">{{FactId}}</div>\n'

MULTIPLE_CHOICE = Template(
    "Multiple choice",
    "multiple choice",
    "Options",
    front=(
        "{{#Options}}\n"
        '<div class="qg qg-front" id="qg-card">\n'
        '<div class="qg-question" id="qg-question">{{Question}}</div>\n'
        '<div class="qg-options-box" id="qg-options">{{Options}}</div>\n'
        "</div>\n" + FRONT_SCRIPT + "\n{{/Options}}"
    ),
    back=(
        '<div class="qg qg-back" id="qg-card">\n'
        '<div class="qg-question" id="qg-question">{{Question}}</div>\n'
        '<div class="qg-options-box" id="qg-options" data-key="{{KeyIndex}}">{{Options}}</div>\n'
        '<div class="qg-verdict" id="qg-verdict" hidden></div>\n'
        '<div class="qg-answer"><span class="qg-label">Answer:</span> '
        '<span id="qg-key-letter"></span>{{Answer}}</div>\n'
        + _EXPLANATION
        + _sources("Sources")
        + _META
        + "</div>\n"
        + BACK_SCRIPT
    ),
)

RECALL = Template(
    "Recall",
    "recall",
    "Recall",
    front=(
        '{{#Recall}}<div class="qg qg-front"><div class="qg-question">{{Recall}}</div></div>'
        "{{/Recall}}"
    ),
    back=(
        '<div class="qg qg-back"><div class="qg-question">{{Recall}}</div>\n'
        '<hr id="answer">\n'
        '<div class="qg-answer">{{Answer}}</div>\n'
        + _EXPLANATION
        + _sources("Sources")
        + _META
        + "</div>"
    ),
)

FILL_IN = Template(
    "Fill in the blank",
    "fill-in",
    "Blanked",
    front=(
        '{{#Blanked}}<div class="qg qg-front"><div class="qg-label">Fill in the blank</div>\n'
        '<div class="qg-question">{{Blanked}}</div></div>{{/Blanked}}'
    ),
    back=(
        '<div class="qg qg-back"><div class="qg-label">Fill in the blank</div>\n'
        '<div class="qg-question">{{Statement}}</div>\n'
        + _EXPLANATION
        + _sources("Sources")
        + _META
        + "</div>"
    ),
)

_ORDER_STEM = html.escape(ORDER_STEM)

ORDERING = Template(
    "Put in order",
    "ordering",
    "Events",
    front=(
        '{{#Events}}<div class="qg qg-front">'
        f'<div class="qg-question">{_ORDER_STEM}</div>\n'
        "{{Events}}</div>{{/Events}}"
    ),
    back=(
        f'<div class="qg qg-back"><div class="qg-question">{_ORDER_STEM}</div>\n'
        "{{Events}}\n"
        '<hr id="answer">\n'
        '<div class="qg-answer">{{Order}}</div>\n' + _sources("OrderSources") + _META + "</div>"
    ),
)

TEMPLATES = (MULTIPLE_CHOICE, RECALL, FILL_IN, ORDERING)

FACT_NOTE = NoteType(FACT_NOTE_ID, "quizgen fact v2", FIELD_NAMES, TEMPLATES)


def preset(base: dict[str, Any]) -> dict[str, Any]:
    """The decks' options preset: `base` (genanki's copy of Anki's defaults) with new, review and
    interday-learning siblings buried, so one fact comes up once a day."""
    config = dict(base, id=PRESET_ID, name=PRESET_NAME, mod=0, buryInterdayLearning=True)
    config["new"] = dict(base["new"], bury=True)
    config["rev"] = dict(base["rev"], bury=True)
    return config


#: The most options a card's CSS can mark the key of (questions have three or four).
MAX_OPTIONS = 10
#: The back marks the key by its stored index (`data-key` on the options box), with or without
#: scripts; one selector per possible index.
_KEY_SELECTORS = ",\n".join(
    f'.qg-back [data-key="{i}"] li[data-index="{i}"]' for i in range(MAX_OPTIONS)
)
_KEY_MARKS = ",\n".join(f"{selector}::after" for selector in _KEY_SELECTORS.split(",\n"))

# Colours as variables, set once for light and once for night mode (desktop and AnkiMobile put
# `nightMode` on the card or body, older AnkiDroid `night_mode` on the body).
CSS = (
    """\
.card {
  --qg-text: #1f2328; --qg-muted: #59636e; --qg-bg: #ffffff; --qg-panel: #f6f8fa;
  --qg-line: #d1d9e0; --qg-accent: #0969da; --qg-right: #1a7f37; --qg-right-bg: #dafbe1;
  --qg-wrong: #cf222e; --qg-wrong-bg: #ffebe9;
  font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  font-size: 20px; line-height: 1.45; text-align: left;
  color: var(--qg-text); background-color: var(--qg-bg);
}
.card.nightMode, .nightMode .card, .night_mode .card {
  --qg-text: #e6edf3; --qg-muted: #9198a1; --qg-bg: #1f1f1f; --qg-panel: #2b2f36;
  --qg-line: #3d444d; --qg-accent: #4493f8; --qg-right: #3fb950; --qg-right-bg: #12361f;
  --qg-wrong: #f85149; --qg-wrong-bg: #3d1418;
}
.qg { max-width: 40em; margin: 0 auto; padding: 0 0.5em; overflow-wrap: anywhere; }
.qg-question { font-weight: 600; margin: 0.4em 0 0.8em; }
.qg-options { list-style: none; margin: 0; padding: 0; }
.qg-options li {
  margin: 0 0 0.5em; padding: 0.6em 0.8em;
  border: 2px solid var(--qg-line); border-radius: 10px; background: var(--qg-panel);
  cursor: pointer; -webkit-tap-highlight-color: transparent;
}
.qg-letter { font-weight: 700; color: var(--qg-muted); }
.qg-front .qg-options li.qg-picked { border-color: var(--qg-accent); }
.qg-back .qg-options li { cursor: default; }
"""
    + _KEY_SELECTORS
    + """ {
  border-color: var(--qg-right); background: var(--qg-right-bg);
}
"""
    + _KEY_MARKS
    + """ {
  content: " \\2714"; color: var(--qg-right);
}
.qg-back .qg-options li.qg-wrong { border-color: var(--qg-wrong); background: var(--qg-wrong-bg); }
.qg-back .qg-options li.qg-wrong::after { content: " \\2718"; color: var(--qg-wrong); }
.qg-verdict { font-weight: 700; margin: 0.6em 0; }
.qg-verdict[hidden] { display: none; }
.qg-verdict.qg-right { color: var(--qg-right); }
.qg-verdict.qg-wrong { color: var(--qg-wrong); }
.qg-answer { font-size: 1.1em; margin: 0.8em 0; }
.qg-answer ol { margin: 0.3em 0; padding-left: 1.5em; }
.qg-events { margin: 0.3em 0; padding-left: 1.5em; }
.qg-when { color: var(--qg-muted); }
.qg-blank { font-weight: 700; color: var(--qg-accent); white-space: nowrap; }
.qg-filled { font-weight: 700; color: var(--qg-accent); }
.qg-label { font-weight: 700; color: var(--qg-muted); }
.qg-explanation { margin: 0.8em 0; }
.qg-citation, .qg-meta { font-size: 0.8em; color: var(--qg-muted); }
.qg-citation { border-top: 1px solid var(--qg-line); padding-top: 0.5em; margin-top: 1em; }
.qg-source { margin: 0.3em 0; }
.qg-meta { margin-top: 0.8em; font-family: monospace; }
.qg hr { border: 0; border-top: 1px solid var(--qg-line); }
@media (max-width: 480px) {
  .card { font-size: 18px; }
  .qg { padding: 0; }
  .qg-options li { padding: 0.7em 0.6em; }
}
"""
)
