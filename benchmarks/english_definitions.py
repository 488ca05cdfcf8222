"""'What is a hot desk?' over English handbooks whose definitions have no copula: does the defining passage come
first, or a short one that only names the term?

    python benchmarks/english_definitions.py            # this checkout, the shipped rules (~2 min)
    python benchmarks/english_definitions.py --sweep    # each copula-less rule set (``qa.definitions.FORMS``)

English definitions are often written without 'is': 'Hot desk — a desk that no one owns …', 'Hot desk: a desk …',
'The hot desk, a desk that …, is booked in the app.', 'Service level agreement (SLA) refers to / denotes …'.
``qa.definitions`` lifts a passage whose sentence opens with the question's words as its subject; this benchmark
generates Markdown handbooks that define each term once in one of those forms (cycled, so every form is asked) and
name it again in a short passage that does not define it — among them a label with a colon that is no definition
('Hot desk: see the intranet for the booking form.', 'Hot desk: if in doubt, ask the office manager.'). Each term
is asked 'What is a …?' and 'What does … mean?' (or by its abbreviation).

TUNING documents use ``TUNING_TERMS`` and the TUNING mention wordings; REPORT documents other terms, other mention
wordings and other filler; only TUNING rows chose anything (``--sweep``). Each handbook is an index of its own (a
term is defined once in it). A top hit is right when it holds the definition's words (``Term.answer``). Printed
per part: n, hit@1, hit@3, MRR@10.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's qa, whatever else is installed


@dataclass(frozen=True)
class Term:
    name: str
    abbr: str | None
    definition: str  # a noun phrase: 'a desk that no one owns and anyone may book for a day'
    answer: str  # words only the definition holds


TUNING_TERMS = (
    Term(
        "service level agreement",
        "SLA",
        "a written promise of how quickly the supplier answers a fault",
        "how quickly the supplier answers",
    ),
    Term(
        "change advisory board",
        "CAB",
        "the group that approves changes to production systems",
        "approves changes to production",
    ),
    Term("hot desk", None, "a desk that no one owns and anyone may book for a day", "no one owns"),
    Term("purchase order", "PO", "the signed document that commits the budget for a purchase", "commits the budget"),
    Term(
        "onboarding buddy",
        None,
        "a colleague who shows a new starter around in the first month",
        "shows a new starter around",
    ),
    Term("key card", None, "a badge that opens the doors of the floors you work on", "opens the doors of the floors"),
    Term("incident ticket", None, "a record of a fault opened at the service desk", "record of a fault opened"),
    Term("cost centre", None, "the budget line that pays for a team's spending", "pays for a team's spending"),
    Term(
        "recovery point objective",
        "RPO",
        "the most data, in hours, that may be lost in a failure",
        "may be lost in a failure",
    ),
    Term("quiet room", None, "a small room kept for calls and focused work", "kept for calls and focused"),
    Term(
        "expense claim",
        None,
        "a request to be paid back for money spent on company business",
        "paid back for money spent",
    ),
    Term("release window", None, "the hours in which changes may go live", "changes may go live"),
)
REPORT_TERMS = (
    Term(
        "business continuity plan",
        "BCP",
        "the steps that keep essential services running during a disaster",
        "keep essential services running",
    ),
    Term(
        "non-disclosure agreement",
        "NDA",
        "a contract that forbids sharing confidential information",
        "forbids sharing confidential",
    ),
    Term("mail room", None, "the room where parcels are received and sorted", "parcels are received and sorted"),
    Term(
        "asset tag",
        None,
        "a numbered sticker that identifies a piece of company equipment",
        "numbered sticker that identifies",
    ),
    Term(
        "petty cash",
        None,
        "a small sum of money kept in the office for minor purchases",
        "kept in the office for minor",
    ),
    Term("maintenance window", None, "the night each week when systems may be taken offline", "may be taken offline"),
    Term(
        "first aider",
        None,
        "an employee trained to give emergency care until help arrives",
        "trained to give emergency care",
    ),
    Term(
        "access review", None, "a quarterly check that every account still needs its rights", "still needs its rights"
    ),
    Term(
        "fire marshal",
        None,
        "a volunteer who leads colleagues out of the building in an alarm",
        "leads colleagues out of the building",
    ),
    Term(
        "mean time to repair",
        "MTTR",
        "the average time taken to restore a failed service",
        "average time taken to restore",
    ),
    Term(
        "travel request",
        None,
        "a form that asks a manager to approve a business trip",
        "asks a manager to approve a business",
    ),
    Term(
        "standing order", None, "an instruction to a bank to pay a fixed sum every month", "pay a fixed sum every month"
    ),
)

# How a definition is written without a copula; every form is used in both parts.
FORMS = ("dash", "colon", "apposition", "refers", "denotes")
# Short passages that name a term without defining it, TUNING and REPORT wordings apart.
TUNING_MENTIONS = (
    "{Name}: see the intranet for the current form.",
    "{Name}: if in doubt, ask the office manager.",
    "Questions about the {name} go to the office manager.",
    "Report any problem with the {name} in writing.",
)
REPORT_MENTIONS = (
    "{Name}: contact the help desk for details.",
    "{Name}: when the office is closed, call security.",
    "Send feedback on the {name} to the works council.",
    "Every change to the {name} is logged by the auditors.",
)
FILLER = {
    "tuning": (
        "Staff read this handbook in their first week.",
        "The handbook is reviewed every spring by the operations team.",
        "Older versions are kept in the document archive.",
    ),
    "report": (
        "This guide applies to all sites of the company.",
        "Suggestions for this guide are welcome at any time.",
        "Printed copies may be out of date; the online copy governs.",
    ),
}


def defining_sentence(term: Term, form: str) -> str:
    """The term's definition written in ``form`` (no copula)."""
    name = term.name[0].upper() + term.name[1:]
    called = f"{name} ({term.abbr})" if term.abbr else name
    if form == "dash":
        return f"{called} — {term.definition}."
    if form == "colon":
        return f"{called}: {term.definition}."
    if form == "apposition":
        return f"The {term.name}, {term.definition}, appears throughout this handbook."
    if form == "refers":
        return f"{called} refers to {term.definition}."
    return f"{called} denotes {term.definition}."


def questions(term: Term, rng: random.Random) -> list[str]:
    """Two wordings: 'What is a …?' and 'What does … mean?' (the abbreviation when there is one)."""
    article = "an" if term.name[0] in "aeiou" else "a"
    asked = [f"What is {rng.choice([article, 'the'])} {term.name}?"]
    asked.append(f"What does {term.abbr} mean?" if term.abbr else f"What is meant by {term.name}?")
    return asked


def write_handbook(path: Path, terms: list[Term], forms: list[str], part: str, rng: random.Random) -> None:
    """A Markdown handbook: one section per term defining it, then short sections naming terms again."""
    mentions = TUNING_MENTIONS if part == "tuning" else REPORT_MENTIONS
    lines = [f"# Office handbook {path.stem}", ""]
    for term, form in zip(terms, forms, strict=True):
        lines += [
            f"## {term.name.title()}",
            "",
            " ".join([defining_sentence(term, form), rng.choice(FILLER[part])]),
            "",
        ]
    lines += ["## Notes", ""]
    for term in terms:
        name = term.name[0].upper() + term.name[1:]
        lines += [f"## Note on the {term.name}", "", rng.choice(mentions).format(Name=name, name=term.name), ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def collect(work: Path, per_doc: int, docs: int, embedder) -> dict[str, list[tuple[object, str, list[str]]]]:
    """Per part, (searcher, question, answers) rows over freshly built indexes."""
    from qa.build import build_index
    from qa.search import Searcher

    rows: dict[str, list] = {}
    for part, terms in (("tuning", TUNING_TERMS), ("report", REPORT_TERMS)):
        rng = random.Random(f"definitions-{part}")
        shutil.rmtree(work / part, ignore_errors=True)
        rows[part] = []
        for d in range(docs):  # an index per handbook: a term is defined once in it
            folder, index = work / part / f"docs{d}", work / part / f"index{d}"
            folder.mkdir(parents=True)
            chosen = rng.sample(terms, per_doc)
            forms = [FORMS[(d * per_doc + i) % len(FORMS)] for i in range(per_doc)]
            write_handbook(folder / f"handbook{d}.md", chosen, forms, part, rng)
            build_index([folder], index, embedder=embedder, progress=False)
            searcher = Searcher(index, embedder=embedder)
            rows[part] += [(searcher, q, [t.answer]) for t in chosen for q in questions(t, rng)]
    return rows


def score(rows: list[tuple[object, str, list[str]]]) -> tuple[int, float, float, float]:
    """n, hit@1, hit@3, MRR@10 (a hit is right when it holds the definition's words)."""
    from qa import definitions

    definitions.subject_words.cache_clear()
    ranks = []
    for searcher, question, answers in rows:
        hits = searcher.search(question, k=10, show_weak=True)
        ranks.append(next((r for r, h in enumerate(hits, 1) if any(a in h.text for a in answers)), 0))
    n = len(ranks)
    return n, sum(r == 1 for r in ranks) / n, sum(0 < r <= 3 for r in ranks) / n, sum(1 / r for r in ranks if r) / n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/qa-english-definitions"))
    parser.add_argument("--docs", type=int, default=6, help="handbooks per part")
    parser.add_argument("--terms", type=int, default=6, help="terms defined per handbook")
    parser.add_argument("--sweep", action="store_true", help="score each copula-less rule set (TUNING chooses)")
    args = parser.parse_args(argv)
    from qa import definitions
    from qa.embedding import load_embedder

    rows = collect(args.workdir, args.terms, args.docs, load_embedder(None))
    variants: dict[str, tuple[str, ...] | None] = {"shipped": None}
    if args.sweep:
        every = definitions.ALL_FORMS
        variants = {
            "none": (),
            **{f"+{f}": (f,) for f in every},
            **{f"all -{f}": tuple(g for g in every if g != f) for f in every},
            "all": every,
        }
    shipped = definitions.FORMS
    print("| part | rules | n | hit@1 | hit@3 | MRR@10 |")
    print("|---|---|---|---|---|---|")
    try:
        for label, forms in variants.items():
            definitions.FORMS = shipped if forms is None else forms
            for part in ("tuning", "report"):
                n, h1, h3, mrr = score(rows[part])
                print(f"| {part.upper()} | {label} | {n} | {h1:.3f} | {h3:.3f} | {mrr:.3f} |", flush=True)
    finally:
        definitions.FORMS = shipped
    return 0


if __name__ == "__main__":
    sys.exit(main())
