"""Higher-order composition, collections, arithmetic and comparisons.

Programs have no lambdas or operators, so functions are built from primitives: `fix_first`
and `fix_second` bind one argument, `chain` and `fork` compose, and `map_items`, `keep_if`,
`sort_by` and friends apply them to collections. Results are always tuples (ordered).
"""

from __future__ import annotations

from typing import Any, Callable

__all__ = [
    "chain", "fix_first", "fix_second", "fork", "repeat_apply", "map_items", "keep_if", "drop_if",
    "sort_by", "sort_by_descending", "max_by", "min_by", "first", "last", "nth", "count",
    "reverse_items", "total", "unique", "merge", "contains", "pair", "add", "subtract", "multiply",
    "floor_divide", "modulo", "maximum", "minimum", "equals", "not_equal", "greater_than",
    "less_than", "logical_and", "logical_or", "logical_not", "if_else", "is_even", "repeat_value",
    "count_if", "most_common_item",
]

MAX_REPEAT = 64


def chain(first_fn: Callable, second_fn: Callable) -> Callable:
    """A function that applies first_fn, then second_fn to its result.

    >>> chain(fix_first(add, 1), fix_first(multiply, 10))(2)
    30
    """
    return lambda x: second_fn(first_fn(x))


def fix_first(fn: Callable, value: Any) -> Callable:
    """Bind the first argument: returns x -> fn(value, x).

    >>> fix_first(subtract, 10)(3)
    7
    """
    return lambda x: fn(value, x)


def fix_second(fn: Callable, value: Any) -> Callable:
    """Bind the second argument: returns x -> fn(x, value).

    >>> fix_second(subtract, 10)(3)
    -7
    """
    return lambda x: fn(x, value)


def fork(combine: Callable, left_fn: Callable, right_fn: Callable) -> Callable:
    """Returns x -> combine(left_fn(x), right_fn(x)).

    >>> fork(add, fix_first(multiply, 2), fix_first(multiply, 3))(1)
    5
    """
    return lambda x: combine(left_fn(x), right_fn(x))


def repeat_apply(fn: Callable, value: Any, times: int) -> Any:
    """Apply fn `times` times (at most 64).

    >>> repeat_apply(fix_first(add, 2), 0, 3)
    6
    """
    if not 0 <= times <= MAX_REPEAT:
        raise ValueError(f"repeat_apply times must be in 0..{MAX_REPEAT}")
    for _ in range(times):
        value = fn(value)
    return value


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


def _key_identity(x):  # used by doctests only
    return x


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


def count(items) -> int:
    """Number of items.

    >>> count((4, 5, 6))
    3
    """
    return len(items)


def reverse_items(items) -> tuple:
    """Items in reverse order.

    >>> reverse_items((1, 2, 3))
    (3, 2, 1)
    """
    return tuple(items)[::-1]


def total(items) -> int:
    """Sum of numbers.

    >>> total((1, 2, 3))
    6
    """
    return sum(items)


def unique(items) -> tuple:
    """Items without repeats, first occurrence order.

    >>> unique((2, 1, 2, 3, 1))
    (2, 1, 3)
    """
    return tuple(dict.fromkeys(items))


def merge(collections) -> frozenset:
    """Union of several sets of cells (or objects' cells) into one frozenset.

    >>> sorted(merge((frozenset({(0, 0)}), frozenset({(1, 1)}))))
    [(0, 0), (1, 1)]
    """
    out: set = set()
    for c in collections:
        out.update(c)
    return frozenset(out)


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


def add(a: int, b: int) -> int:
    """a + b; also adds pairs element-wise, e.g. positions.

    >>> add(2, 3), add((1, 2), (10, 20))
    (5, (11, 22))
    """
    if isinstance(a, tuple):
        return tuple(x + y for x, y in zip(a, b))
    return a + b


def subtract(a: int, b: int) -> int:
    """a - b; also element-wise on pairs.

    >>> subtract(5, 3), subtract((5, 5), (1, 2))
    (2, (4, 3))
    """
    if isinstance(a, tuple):
        return tuple(x - y for x, y in zip(a, b))
    return a - b


def multiply(a: int, b: int) -> int:
    """a * b (bounded by the sandbox's memory limit).

    >>> multiply(4, 3)
    12
    """
    if abs(a) > 10**6 or abs(b) > 10**6:
        raise ValueError("multiply operands must be at most 10**6")
    return a * b


def floor_divide(a: int, b: int) -> int:
    """a // b (integer division rounding down).

    >>> floor_divide(7, 2)
    3
    """
    return a // b


def modulo(a: int, b: int) -> int:
    """Remainder of a divided by b.

    >>> modulo(7, 3)
    1
    """
    return a % b


def maximum(a: int, b: int) -> int:
    """The larger of two numbers.

    >>> maximum(2, 9)
    9
    """
    return max(a, b)


def minimum(a: int, b: int) -> int:
    """The smaller of two numbers.

    >>> minimum(2, 9)
    2
    """
    return min(a, b)


def equals(a: Any, b: Any) -> bool:
    """True when a == b.

    >>> equals(2, 2)
    True
    """
    return a == b


def not_equal(a: Any, b: Any) -> bool:
    """True when a != b.

    >>> not_equal(2, 2)
    False
    """
    return a != b


def greater_than(a: int, b: int) -> bool:
    """True when a > b.

    >>> greater_than(3, 2)
    True
    """
    return a > b


def less_than(a: int, b: int) -> bool:
    """True when a < b.

    >>> less_than(3, 2)
    False
    """
    return a < b


def logical_and(a: bool, b: bool) -> bool:
    """True when both are true.

    >>> logical_and(True, False)
    False
    """
    return bool(a and b)


def logical_or(a: bool, b: bool) -> bool:
    """True when either is true.

    >>> logical_or(True, False)
    True
    """
    return bool(a or b)


def logical_not(a: bool) -> bool:
    """Negation.

    >>> logical_not(True)
    False
    """
    return not a


def if_else(condition: bool, if_true: Any, if_false: Any) -> Any:
    """if_true when the condition holds, else if_false (both are already computed).

    >>> if_else(False, 1, 2)
    2
    """
    return if_true if condition else if_false


def is_even(n: int) -> bool:
    """True for even numbers.

    >>> is_even(4)
    True
    """
    return n % 2 == 0
