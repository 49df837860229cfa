"""Ablation runner: switches the baseline in ``dead_experimental_branch_negative`` from outside.

Because this module assigns ``USE_CATBOOST_BASELINE`` on the imported module,
the flag is not a constant and the branch that reads it is live. This file is
the other half of that negative case; nothing here is reported either.
"""

import json

import pandas as pd

import dead_experimental_branch_negative as forecast

VARIANTS = ("histgb", "catboost")


def run(variant: str, params: dict) -> dict:
    forecast.USE_CATBOOST_BASELINE = variant == "catboost"
    sales = forecast.prepare(pd.read_parquet(forecast.CONFIG["sales_path"]))
    model = forecast.fit(forecast.build_model(params), sales)
    return {"variant": variant, "n_features": len(forecast.CONFIG["features"]), "model": type(model).__name__}


if __name__ == "__main__":
    with open("conf/ablation_params.json", encoding="utf-8") as fh:
        grid = json.load(fh)
    results = [run(variant, grid[variant]) for variant in VARIANTS]
    pd.DataFrame(results).to_csv("outputs/ablation.csv", index=False)
