"""Numbers, comparisons and booleans (programs have no operators)."""

from __future__ import annotations

from typing import Any


__all__ = [
    "add", "subtract", "multiply", "floor_divide", "modulo", "maximum", "minimum", "equals",
    "not_equal", "greater_than", "less_than", "logical_and", "logical_or", "logical_not", "if_else",
    "is_even",
]


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
