"""Collections (tuples of anything): mapping, filtering, sorting, picking, pairing and counting.

Results are always tuples, in a documented order, so no program depends on set iteration.
"""

from __future__ import annotations

from typing import Any, Callable

from arc_pipeline.dsl.arithmetic import add, is_even  # noqa: F401 - used in docstring examples
from arc_pipeline.dsl.combinators import fix_first  # noqa: F401 - used in docstring examples

__all__ = [
    "map_items", "keep_if", "drop_if", "count_if", "sort_by", "sort_by_descending", "max_by",
    "min_by", "most_common_item", "least_common_item", "first", "last", "nth", "every_nth", "count",
    "total", "reverse_items", "rotate_items", "unique", "contains", "pair", "repeat_value",
    "pad_items", "zip_items", "zip_with", "lookup", "flatten",
]


def _key_identity(x):  # used by doctests only
    return x


def map_items(fn: Callable, items) -> tuple:
    """Apply fn to every item, keeping order.

    >>> map_items(fix_first(add, 1), (1, 2))
    (2, 3)
    """
    return tuple(fn(x) for x in items)


def keep_if(items, predicate: Callable) -> tuple:
    """Items for which the predicate is true.

    >>> keep_if((1, 2, 3, 4), is_even)
    (2, 4)
    """
    return tuple(x for x in items if predicate(x))


def drop_if(items, predicate: Callable) -> tuple:
    """Items for which the predicate is false.

    >>> drop_if((1, 2, 3, 4), is_even)
    (1, 3)
    """
    return tuple(x for x in items if not predicate(x))


def count_if(items, predicate: Callable) -> int:
    """How many items satisfy the predicate.

    >>> count_if((1, 2, 3, 4), is_even)
    2
    """
    return sum(1 for x in items if predicate(x))


def sort_by(items, key: Callable) -> tuple:
    """Items sorted ascending by key (stable: ties keep their order).

    >>> sort_by((3, 1, 2), _key_identity)
    (1, 2, 3)
    """
    return tuple(sorted(items, key=key))


def sort_by_descending(items, key: Callable) -> tuple:
    """Items sorted descending by key (stable: ties keep their order).

    >>> sort_by_descending((3, 1, 2), _key_identity)
    (3, 2, 1)
    """
    return tuple(sorted(items, key=key, reverse=True))


def max_by(items, key: Callable) -> Any:
    """The item with the largest key (the first one among ties).

    >>> max_by((1, -5, 3), abs)
    -5
    """
    return max(items, key=key)


def min_by(items, key: Callable) -> Any:
    """The item with the smallest key (the first one among ties).

    >>> min_by((4, -1, 3), abs)
    -1
    """
    return min(items, key=key)


def most_common_item(items) -> Any:
    """The most frequent item (the earliest among ties).

    >>> most_common_item((2, 1, 1, 2, 1))
    1
    """
    items = tuple(items)
    return max(items, key=items.count)


def least_common_item(items) -> Any:
    """The least frequent item (the earliest among ties), e.g. the odd one out.

    >>> least_common_item((2, 1, 2, 2, 1, 3))
    3
    """
    items = tuple(items)
    return min(items, key=items.count)


def first(items) -> Any:
    """The first item.

    >>> first((4, 5))
    4
    """
    return tuple(items)[0]


def last(items) -> Any:
    """The last item.

    >>> last((4, 5))
    5
    """
    return tuple(items)[-1]


def nth(items, index: int) -> Any:
    """The item at a 0-based index (negative counts from the end).

    >>> nth((4, 5, 6), 1)
    5
    """
    return tuple(items)[index]


def every_nth(items, step: int, start: int) -> tuple:
    """Every step-th item, beginning with the item at 0-based index `start`.

    >>> every_nth((10, 11, 12, 13, 14, 15, 16), 3, 0)
    (10, 13, 16)
    >>> every_nth('abcdef', 2, 1)
    ('b', 'd', 'f')
    """
    step = max(1, int(step))
    return tuple(tuple(items)[max(0, int(start))::step])


def count(items) -> int:
    """Number of items.

    >>> count((4, 5, 6))
    3
    """
    return len(items)


def total(items) -> int:
    """Sum of numbers.

    >>> total((1, 2, 3))
    6
    """
    return sum(items)


def reverse_items(items) -> tuple:
    """Items in reverse order.

    >>> reverse_items((1, 2, 3))
    (3, 2, 1)
    """
    return tuple(items)[::-1]


def rotate_items(items, steps: int) -> tuple:
    """Cyclically shift the items `steps` places to the right (negative shifts left).

    >>> rotate_items((1, 2, 3, 4), 1)
    (4, 1, 2, 3)
    >>> rotate_items((1, 2, 3, 4), -1)
    (2, 3, 4, 1)
    """
    items = tuple(items)
    if not items:
        return items
    k = steps % len(items)
    return items[len(items) - k:] + items[:len(items) - k]


def unique(items) -> tuple:
    """Items without repeats, first occurrence order.

    >>> unique((2, 1, 2, 3, 1))
    (2, 1, 3)
    """
    return tuple(dict.fromkeys(items))


def contains(items, value: Any) -> bool:
    """True when value is among the items.

    >>> contains((1, 2), 2)
    True
    """
    return value in items


def pair(a: Any, b: Any) -> tuple:
    """The 2-tuple (a, b).

    >>> pair(1, 2)
    (1, 2)
    """
    return (a, b)


def repeat_value(value: Any, times: int) -> tuple:
    """A tuple holding value `times` times (at most 900).

    >>> repeat_value(7, 3)
    (7, 7, 7)
    """
    if not 0 <= times <= 900:
        raise ValueError("repeat_value times must be in 0..900")
    return (value,) * times


def pad_items(items, length: int, fill: Any) -> tuple:
    """Extend the items to `length` by appending `fill` (items already that long are cut to it).

    >>> pad_items((3, 3), 4, 0)
    (3, 3, 0, 0)
    """
    items = tuple(items)[:max(length, 0)]
    return items + (fill,) * (min(length, 900) - len(items))


def zip_items(a, b) -> tuple:
    """Pair up two collections item by item: ((a0, b0), (a1, b1), ...), as long as the shorter.

    >>> zip_items((1, 2, 3), (4, 5, 6))
    ((1, 4), (2, 5), (3, 6))
    """
    return tuple(zip(tuple(a), tuple(b)))


def zip_with(fn: Callable, first_items, second_items) -> tuple:
    """Apply a two-argument fn to items paired by position (stops at the shorter input).

    >>> zip_with(max, (1, 5, 3), (4, 2, 6))
    (4, 5, 6)
    """
    return tuple(fn(a, b) for a, b in zip(first_items, second_items))


def lookup(pairs, key: Any) -> Any:
    """The value paired with `key` in ((key, value), ...) pairs; None when the key is absent.

    >>> lookup(((1, 'a'), (2, 'b')), 2)
    'b'
    """
    for k, v in pairs:
        if k == key:
            return v
    return None


def flatten(collections) -> tuple:
    """Join several collections into one tuple, keeping their order (one level deep).

    >>> flatten(((1, 2), (3,), ()))
    (1, 2, 3)
    """
    return tuple(item for collection in collections for item in collection)
