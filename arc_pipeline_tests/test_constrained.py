"""Grammar-constrained decoding: the prefix grammar accepts every verified solver at every
prefix, rejects what cannot run (arity, unbound names, stray syntax), and a tiny model decoded
under it emits programs that validate."""

from __future__ import annotations

import doctest

import pytest

import arc_pipeline.constrained
from arc_pipeline.constrained import OPEN_FENCE, ProgramGrammar, primitive_arities
from arc_pipeline.program import strip_comments, validate_program


@pytest.fixture(scope="module")
def grammar():
    return ProgramGrammar()


def test_doctests():
    assert doctest.testmod(arc_pipeline.constrained).failed == 0


def test_arities_come_from_the_signatures():
    arities = primitive_arities()
    assert arities["rotate_90"] == 1 and arities["tile"] == 3 and arities["upscale"] == 2


def test_every_verified_solver_is_a_prefix_at_every_length_and_complete(grammar):
    from arc_pipeline.solutions import load_solutions, rule_description

    for task_id, program in sorted(load_solutions().items()):
        rule = " ".join((rule_description(program) or "").split())  # as the completions carry it
        text = f"# rule: {rule}\n" + strip_comments(program).rstrip("\n") + "\n```"
        assert grammar.state(text) == "complete", task_id
        for k in range(1, len(text), 5):
            assert grammar.valid_prefix(text[:k]), (task_id, text[:k][-60:])


@pytest.mark.parametrize("text", [
    "def solve(I):\n    O = rotate_90(I, 2",          # too many arguments
    "def solve(I):\n    O = tile(I, 2)",              # too few
    "def solve(I):\n    O = tile(I)\n",
    "def solve(I):\n    O = rotate_90(X)",            # unbound name
    "def solve(I):\n    bg = rotate_90(I)\n    return O",  # returns a name never assigned
    "def solve(I):\n    O = rotate_90(I))",           # stray paren
    "def solve(I):\n    O = I.copy",                  # attribute access
    "def solve(I):\n    _x = I",                      # private name
    "def solve(I):\n    tile = I",                    # shadows a primitive
    "def solve(I):\n    O = 'text'",                  # strings
    "import os",
    "def solve(I):\n    O = zzz_not_a_primitive",
    "# rule: mirror it</think>",                    # a think tag inside the program
    "# rule: see ```",
])
def test_what_cannot_run_is_rejected(grammar, text):
    assert grammar.state(text) == "invalid"


def test_partial_names_and_numbers_are_prefixes(grammar):
    for text in ("de", "def solve(I):\n    O = rot", "def solve(I):\n    O = upscale(I, 1", "def solve(I):\n    ret",
                 "def solve(I):\n    returning = I\n    return returning\n``", "# a comment with ( and ,\ndef so"):
        assert grammar.state(text) == "prefix", text
    assert grammar.state("# " + "x" * 1200) == "invalid"  # a comment cannot go on for ever


def test_constrained_generation_emits_valid_programs(tmp_path):
    """A random tiny model forced to the fence: unconstrained, its programs are noise; under the
    grammar, every completion that closes its program validates."""
    from arc_pipeline.generation import load_model, sample
    from arc_pipeline_tests.evaluation.test_model_proposer import build_tiny_model

    path = tmp_path / "tiny"
    build_tiny_model(path)
    model, tok = load_model(path)
    prompt = "<think>x</think>\n" + OPEN_FENCE + "def solve(I):\n    O = "  # a prefilled program head
    grammar = ProgramGrammar(top_k=100_000)  # every token checked: no fallback
    gens = sample(model, tok, [prompt] * 6, max_new_tokens=120, temperature=1.0, seed=0, constrain=grammar)
    assert grammar.stats["masked_steps"] > 0
    programs = [g.text for g in gens]
    for text in programs:
        assert grammar.state("def solve(I):\n    O = " + text) != "invalid", text
        if grammar.state(text) in ("complete", "after"):
            validate_program("def solve(I):\n    O = " + text[:text.index("```")])
    free = sample(model, tok, [prompt] * 6, max_new_tokens=80, temperature=1.0, seed=0)
    free_states = [grammar.state("def solve(I):\n    O = " + g.text) for g in free]  # the same model without it
    assert "complete" not in free_states and free_states.count("invalid") >= 4, free_states


def test_eval_switch_reaches_the_proposer(tmp_path):
    import dataclasses

    from arc_pipeline.config import PipelineConfig
    from arc_pipeline.stages.inputs import model_proposer

    cfg = PipelineConfig()
    assert model_proposer(cfg, tmp_path).constrain is None  # off by default
    on = dataclasses.replace(cfg, eval=dataclasses.replace(cfg.eval, constrained_programs=True))
    assert isinstance(model_proposer(on, tmp_path).constrain, ProgramGrammar)
