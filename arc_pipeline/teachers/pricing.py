"""Price table for the API teachers, in USD per million tokens (input, output).

Prices as published by Anthropic and Google for these model ids as known in late 2025
(written 2026-11-24 from that list, not fetched). **Prices change; check the vendors' pricing
pages before trusting a budget**:

* https://www.anthropic.com/pricing (Claude API)
* https://ai.google.dev/gemini-api/docs/pricing (Gemini Developer API, paid tier)

Notes:

* Some models charge more once a single prompt exceeds a context threshold (Gemini 2.5 Pro and
  Claude Sonnet 4.5 above 200k input tokens). ``ModelPrice.long_context`` holds that tier; the
  whole request is billed at the higher rate when ``input_tokens`` exceeds the threshold.
* Prompt caching, batch discounts and (for Gemini) audio input are not modelled.
* Gemini "thinking" tokens are billed as output tokens; ``GeminiTeacher`` counts them as output.
* A dated suffix (``claude-haiku-4-5-20251001``) or a ``models/`` prefix resolves to the base
  entry; any other unknown model costs ``default_price`` (0) and logs a warning
  once per model, so an unpriced model never silently passes a USD budget unnoticed.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelPrice:
    """USD per million tokens; ``long_context`` = (threshold_input_tokens, input, output)."""

    input_per_mtok: float
    output_per_mtok: float
    long_context: tuple[int, float, float] | None = None


#: model id → price. Checked against the vendors' pages as known in late 2025 — verify.
PRICES: dict[str, ModelPrice] = {
    # Anthropic (Claude API)
    "claude-opus-4-1": ModelPrice(15.0, 75.0),
    "claude-opus-4-0": ModelPrice(15.0, 75.0),
    "claude-opus-4-5": ModelPrice(5.0, 25.0),
    "claude-sonnet-4-5": ModelPrice(3.0, 15.0, long_context=(200_000, 6.0, 22.5)),
    "claude-sonnet-4-0": ModelPrice(3.0, 15.0, long_context=(200_000, 6.0, 22.5)),
    "claude-haiku-4-5": ModelPrice(1.0, 5.0),
    "claude-3-5-haiku": ModelPrice(0.8, 4.0),
    # Google (Gemini Developer API, paid tier, text input)
    "gemini-2.5-pro": ModelPrice(1.25, 10.0, long_context=(200_000, 2.5, 15.0)),
    "gemini-2.5-flash": ModelPrice(0.30, 2.50),
    "gemini-2.5-flash-lite": ModelPrice(0.10, 0.40),
}

#: Price used for models not in ``PRICES`` and without a configured ``teacher.price_per_mtok``: 0, with
#: a warning (``make_teacher`` refuses such a model while a USD budget is set).
default_price: ModelPrice = ModelPrice(0.0, 0.0)

_warned: set[str] = set()
_warn_lock = threading.Lock()
_DATE_SUFFIX = re.compile(r"(-\d{8}|@\d{8}|-latest|-preview[-\w]*)$")


def lookup(model: str) -> ModelPrice | None:
    """The price entry for ``model`` (exact, then without a ``models/`` prefix / date suffix)."""
    name = model.strip()
    if name.startswith("models/"):
        name = name[len("models/") :]
    if name in PRICES:
        return PRICES[name]
    base = _DATE_SUFFIX.sub("", name)
    return PRICES.get(base)


def cost_usd(model: str, input_tokens: int, output_tokens: int, price: ModelPrice | None = None) -> float:
    """USD cost of one call at ``price`` (a configured override) or the table's price.

    An unknown model without an override costs ``default_price`` (0 by default) and logs a
    warning; ``make_teacher`` refuses that combination when a USD budget is set.
    """
    price = price or lookup(model)
    if price is None:
        with _warn_lock:
            if model not in _warned:
                _warned.add(model)
                logger.warning(
                    "no price for model %r in arc_pipeline.teachers.pricing.PRICES; "
                    "costing it at %s/%s USD per Mtok (USD budgets will not see its true cost)",
                    model,
                    default_price.input_per_mtok,
                    default_price.output_per_mtok,
                )
        price = default_price
    inp, out = price.input_per_mtok, price.output_per_mtok
    if price.long_context is not None and input_tokens > price.long_context[0]:
        _, inp, out = price.long_context
    return (max(0, input_tokens) * inp + max(0, output_tokens) * out) / 1_000_000
