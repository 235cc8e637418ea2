"""Model training: the tiny local model, SFT (trl SFTTrainer) and GRPO (trl GRPOTrainer).

Heavy libraries (torch, transformers, trl, peft) are imported inside functions only, so
importing this package (e.g. from the CLI or Dagster definitions) stays cheap.
"""
