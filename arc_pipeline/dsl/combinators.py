"""Building functions from functions: binding arguments, composing, branching, repeating.

Programs have no lambdas or operators, so functions are built from primitives: `fix_first`,
`fix_second`, `fix_last` and `fix_at` bind one argument, `chain` and `fork` compose, and the
collection primitives (`map_items`, `keep_if`, `sort_by`, ...) apply them.
"""

from __future__ import annotations

from typing import Any, Callable

from arc_pipeline.dsl.arithmetic import add, multiply, subtract  # noqa: F401 - used in docstring examples
from arc_pipeline.dsl.cropping import window_around  # noqa: F401 - used in docstring examples
from arc_pipeline.dsl.placement import smear_object  # noqa: F401 - used in docstring examples

__all__ = [
    "identity", "constant", "chain", "fork", "fix_first", "fix_second", "fix_last", "fix_at",
    "apply_if", "repeat_apply", "fold_items",
]

MAX_REPEAT = 64


def identity(x):
    """Return the value unchanged (useful as a function argument).

    >>> identity(((1,),))
    ((1,),)
    """
    return x


def constant(value: Any):
    """A function that ignores its argument and always returns `value`.

    >>> constant(7)('anything')
    7
    """
    return lambda _x: value


def chain(first_fn: Callable, second_fn: Callable) -> Callable:
    """A function that applies first_fn, then second_fn to its result.

    >>> chain(fix_first(add, 1), fix_first(multiply, 10))(2)
    30
    """
    return lambda x: second_fn(first_fn(x))


def fork(combine: Callable, left_fn: Callable, right_fn: Callable) -> Callable:
    """Returns x -> combine(left_fn(x), right_fn(x)).

    >>> fork(add, fix_first(multiply, 2), fix_first(multiply, 3))(1)
    5
    """
    return lambda x: combine(left_fn(x), right_fn(x))


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


def fix_last(fn: Callable, value: Any) -> Callable:
    """Bind the last argument of a function of any arity: returns (*args) -> fn(*args, value).

    >>> fix_last(pow, 2)(5)
    25
    >>> fix_first(fix_last(window_around, 0), ((1, 2), (3, 4)))((1, 1))
    ((4,),)
    """
    return lambda *args: fn(*args, value)


def fix_at(fn: Callable, index: int, value: Any) -> Callable:
    """Bind the argument at 0-based position `index`; the returned function takes the others in order.

    >>> fix_at(pow, 0, 2)(5)
    32
    >>> fix_at(smear_object, 1, (0, 1))(frozenset({(0, 0, 1)}), 1) == frozenset({(0, 0, 1), (0, 1, 1)})
    True
    """
    index = max(0, min(index, 8))

    def bound(*args):
        items = list(args)
        items.insert(index, value)
        return fn(*items)

    return bound


def apply_if(predicate: Callable, fn: Callable) -> Callable:
    """A function x -> fn(x) when predicate(x) holds, otherwise x unchanged.

    >>> apply_if(lambda n: n > 2, lambda n: n * 10)(5), apply_if(lambda n: n > 2, lambda n: n * 10)(1)
    (50, 1)
    """
    return lambda x: fn(x) if predicate(x) else x


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


def fold_items(fn: Callable, items, initial: Any) -> Any:
    """Left fold: start from `initial` and replace it by fn(current, item) for each item in order.

    >>> fold_items(pow, (2, 3), 2)
    64
    >>> fold_items(pow, (), 5)
    5
    """
    value = initial
    for item in tuple(items)[:1000]:
        value = fn(value, item)
    return value
