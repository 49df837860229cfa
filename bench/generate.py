"""Generate a deterministic, realistic ML-project corpus for benchmarking mldebt.

The corpus imitates a mid-sized team repository: pandas data preparation,
scikit-learn and PyTorch training, Flask/FastAPI serving and plain utility
modules (about 30% of files import nothing ML-related, so the linters' cheap
paths get exercised too).  Smells appear at a low density amid mostly clean
code, because that is what real projects look like and what the timings
should reflect.

Only the standard library is needed; the same seed always yields the same files.

    python bench/generate.py --seed 0 --lines 24000 --out bench/generated
"""

from __future__ import annotations

import argparse
import ast
import base64
import json
import random
import re
import shutil
import textwrap
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent / "generated"
MIN_MODULE_LINES = 50
MAX_MODULE_LINES = 250
# Chance that a given block carries a smell; low, like a reasonably kept project.
SMELL_RATE = 0.12

# Per domain: four numeric columns, then a categorical and a grouping column.
DOMAINS = {
    "churn": ["tenure_months", "monthly_charges", "total_charges", "support_calls",
              "contract_type", "region"],
    "fraud": ["amount", "merchant_category", "hour_of_day", "card_age_days",
              "country", "device_score"],
    "credit": ["income", "loan_amount", "credit_history_len", "num_open_accounts",
               "employment_type", "age"],
    "sales": ["units_sold", "unit_price", "discount", "store_id", "promo_flag", "week_of_year"],
    "clicks": ["impressions", "dwell_time", "position", "query_len",
               "device_type", "session_depth"],
}
TARGETS = {"churn": "churned", "fraud": "is_fraud", "credit": "defaulted",
           "sales": "high_demand", "clicks": "clicked"}
KEYS = {"churn": "customer_id", "fraud": "transaction_id", "credit": "applicant_id",
        "sales": "sku", "clicks": "user_id"}

# Which subpackage each kind of module lives in; utilities spread over three.
SUBPACKAGES = {
    "data_prep": ["data", "features"],
    "sklearn": ["models", "training"],
    "torch": ["models", "training"],
    "serving": ["serving"],
    "utility": ["utils", "config", "cli"],
}
KIND_WEIGHTS = {"utility": 20, "data_prep": 22, "sklearn": 20, "torch": 15, "serving": 13}

_PLACEHOLDER = re.compile(r"<<(\w+)>>")


def render(template: str, **values: object) -> list[str]:
    """Dedent ``template`` and fill its ``<<name>>`` placeholders.

    A placeholder alone on a line whose value is a list expands to those lines at
    that line's indentation (an empty list drops the line), so optional smells can
    be spliced into nested code without fighting textwrap.dedent.
    """
    lines: list[str] = []
    for line in textwrap.dedent(template).strip("\n").splitlines():
        whole = _PLACEHOLDER.fullmatch(line.strip())
        if whole and isinstance(values[whole.group(1)], list):
            indent = line[: len(line) - len(line.lstrip())]
            lines.extend(indent + inner if inner else "" for inner in values[whole.group(1)])
        else:
            lines.append(_PLACEHOLDER.sub(lambda match: str(values[match.group(1)]), line))
    return lines + [""]


class Module:
    """The random state and vocabulary shared by the blocks of one module."""

    def __init__(self, rng: random.Random, kind: str) -> None:
        self.rng = rng
        self.kind = kind
        self.domain = rng.choice(sorted(DOMAINS))
        self.columns = DOMAINS[self.domain]
        self.target = TARGETS[self.domain]
        self.key = KEYS[self.domain]
        self.used_names: set[str] = set()
        # Only serving modules use these: which web framework, and the feature builder routes call.
        self.framework = rng.choice(["flask", "fastapi"])
        self.builder = ""

    def smelly(self) -> bool:
        """True for the rare block that should carry a smell."""
        return self.rng.random() < SMELL_RATE

    def name(self, *choices: str) -> str:
        """A function/class name not yet used in this module."""
        base = self.rng.choice(choices)
        candidate, counter = base, 2
        while candidate in self.used_names:
            candidate, counter = f"{base}_{counter}", counter + 1
        self.used_names.add(candidate)
        return candidate

    def cols(self, count: int) -> list[str]:
        """``count`` distinct columns of this module's domain, in random order."""
        return self.rng.sample(self.columns, count)

    def commented_out_code(self) -> list[str]:
        """Leftover code in comments, a classic smell; usually absent."""
        if not self.smelly():
            return []
        return self.rng.choice([
            ["# df = df.dropna()", "# df.to_csv('debug.csv', index=False)"],
            ["# print(model.score(X_test, y_test))"],
            ["# features = features[features['" + self.columns[0] + "'] > 0]"],
        ])


# ---------------------------------------------------------------- pandas data prep

def data_prep_header(mod: Module) -> list[str]:
    """Imports and constants of a pandas preparation script."""
    return render(
        '''
        """Data preparation for the <<domain>> dataset."""

        from __future__ import annotations

        import argparse
        import logging
        from pathlib import Path

        import numpy as np
        import pandas as pd

        LOGGER = logging.getLogger(__name__)
        KEY = "<<key>>"
        TARGET = "<<target>>"
    ''', domain=mod.domain, key=mod.key, target=mod.target)


def data_load_block(mod: Module) -> list[str]:
    """Reading the raw export (rarely straight from a hard-coded URL)."""
    if mod.smelly():
        year = mod.rng.randint(2019, 2024)
        source = f'"https://data.example.com/exports/{mod.domain}_{year}.csv"'
        signature, doc = "()", "Download the latest export."
    else:
        source, signature, doc = "path", "(path: Path)", "Read a raw export from disk."
    return render(
        '''
        def <<name>><<signature>> -> pd.DataFrame:
            """<<doc>>"""
            frame = pd.read_csv(<<source>>, usecols=[KEY, TARGET, "<<a>>", "<<b>>", "<<c>>"])
            LOGGER.info("loaded %d rows", len(frame))
            return frame
    ''', name=mod.name("load_raw", "read_export", "load_frame"), signature=signature, doc=doc,
        source=source, a=mod.columns[0], b=mod.columns[1], c=mod.columns[2])


def data_clean_block(mod: Module) -> list[str]:
    """De-duplication and missing-value filling."""
    numeric, category = mod.columns[0], mod.columns[4]
    return render(
        '''
        def <<name>>(frame: pd.DataFrame) -> pd.DataFrame:
            """Drop duplicates and fill gaps so later steps see no missing values."""
            frame = frame.drop_duplicates(subset=[KEY])
            frame["<<numeric>>"] = frame["<<numeric>>"].fillna(frame["<<numeric>>"].median())
            frame["<<category>>"] = frame["<<category>>"].fillna("unknown").astype("category")
            <<leftover>>
            return frame.reset_index(drop=True)
    ''', name=mod.name("clean", "clean_frame", "fill_missing"), numeric=numeric, category=category,
        leftover=mod.commented_out_code())


def data_merge_block(mod: Module) -> list[str]:
    """A validated merge of two sources."""
    return render(
        '''
        def <<name>>(left: pd.DataFrame, right: pd.DataFrame) -> pd.DataFrame:
            """Join the <<domain>> facts onto the reference table."""
            merged = left.merge(right, on=KEY, how="<<how>>", validate="one_to_one")
            missing = merged["<<col>>"].isna().sum()
            if missing:
                LOGGER.warning("%d rows without <<col>> after merge", missing)
            return merged
    ''', name=mod.name("merge_sources", "join_reference", "attach_profile"), domain=mod.domain,
        how=mod.rng.choice(["left", "inner"]), col=mod.columns[1])


def data_groupby_block(mod: Module) -> list[str]:
    """Per-group aggregates joined back onto the rows."""
    group, first, second = mod.columns[5], mod.columns[0], mod.columns[1]
    return render(
        '''
        def <<name>>(frame: pd.DataFrame) -> pd.DataFrame:
            """Aggregate per <<group>> so every row gets its group context."""
            stats = (
                frame.groupby("<<group>>")
                .agg(
                    <<first>>_mean=("<<first>>", "mean"),
                    <<second>>_max=("<<second>>", "max"),
                    rows=(KEY, "count"),
                )
                .reset_index()
            )
            return frame.merge(stats, on="<<group>>", how="left")
    ''', name=mod.name("add_group_stats", "aggregate_by_group", "group_features"),
        group=group, first=first, second=second)


def data_features_block(mod: Module) -> list[str]:
    """Ratio, log and bucket features (rarely with an ``if False:`` leftover)."""
    first, second, third = mod.cols(3)
    dead_branch = []
    if mod.smelly():
        dead_branch = ["if False:", f'    frame["{first}_sq"] = frame["{first}"] ** 2']
    bins = sorted(mod.rng.sample(range(1, 100), 3))
    return render(
        '''
        def <<name>>(frame: pd.DataFrame) -> pd.DataFrame:
            """Derive ratio, log and bucket features."""
            frame = frame.copy()
            denominator = frame["<<second>>"].replace(0, np.nan)
            frame["<<first>>_per_<<second>>"] = frame["<<first>>"] / denominator
            frame["log_<<third>>"] = np.log1p(frame["<<third>>"].clip(lower=0))
            edges = [-np.inf, <<b1>>, <<b2>>, <<b3>>, np.inf]
            frame["<<first>>_bucket"] = pd.cut(frame["<<first>>"], bins=edges, labels=False)
            <<dead_branch>>
            return frame
    ''', name=mod.name("engineer_features", "add_features", "derive_columns"),
        first=first, second=second,
        third=third, b1=bins[0], b2=bins[1], b3=bins[2], dead_branch=dead_branch)


def data_encode_block(mod: Module) -> list[str]:
    """One-hot encoding of categoricals."""
    return render(
        '''
        def <<name>>(frame: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
            """One-hot encode categorical columns, keeping the key and target untouched."""
            columns = columns or ["<<category>>"]
            encoded = pd.get_dummies(frame, columns=columns, drop_first=True, dtype="int8")
            return encoded.sort_values(KEY).reset_index(drop=True)
    ''', name=mod.name("encode_categoricals", "one_hot", "encode"), category=mod.columns[4])


def data_main_block(_mod: Module) -> list[str]:
    """An argparse entry point for the script."""
    return render(
        '''
        def main() -> None:
            """Run the preparation end to end from the command line."""
            parser = argparse.ArgumentParser(description=__doc__)
            parser.add_argument("--input", type=Path, required=True)
            parser.add_argument("--output", type=Path, required=True)
            args = parser.parse_args()
            frame = pd.read_csv(args.input)
            frame = frame.dropna(subset=[TARGET])
            frame.to_parquet(args.output, index=False)
            LOGGER.info("wrote %s", args.output)


        if __name__ == "__main__":
            main()
    ''')


# ---------------------------------------------------------------- scikit-learn

def sklearn_header(mod: Module) -> list[str]:
    """Imports and constants of a scikit-learn training module."""
    return render(
        '''
        """Train and evaluate the <<domain>> classifier."""

        from __future__ import annotations

        import argparse
        import json
        import logging
        from pathlib import Path

        import joblib
        import numpy as np
        import pandas as pd
        from sklearn.ensemble import RandomForestClassifier
        from sklearn.linear_model import LogisticRegression
        from sklearn.metrics import classification_report, f1_score, roc_auc_score
        from sklearn.model_selection import GridSearchCV, train_test_split
        from sklearn.pipeline import Pipeline
        from sklearn.preprocessing import StandardScaler

        LOGGER = logging.getLogger(__name__)
        TARGET = "<<target>>"
        FEATURES = [<<features>>]
    ''', domain=mod.domain, target=mod.target,
        features=", ".join(f'"{column}"' for column in mod.columns[:4]))


def sklearn_split_block(mod: Module) -> list[str]:
    """A stratified train/test split."""
    return render(
        '''
        def <<name>>(frame: pd.DataFrame, test_size: float, seed: int):
            """Stratified split so both halves keep the class balance."""
            features, labels = frame[FEATURES], frame[TARGET]
            return train_test_split(
                features, labels, test_size=test_size, random_state=seed, stratify=labels
            )
    ''', name=mod.name("split", "split_frame", "make_splits"))


def sklearn_pipeline_block(mod: Module) -> list[str]:
    """A scaler + forest Pipeline (rarely with hard-coded hyperparameters)."""
    if mod.smelly():
        trees, depth = mod.rng.choice([100, 200, 300, 500, 800]), mod.rng.randint(4, 16)
        return render(
            '''
            def <<name>>() -> Pipeline:
                """Scaler plus forest, tuned by hand last quarter."""
                return Pipeline([
                    ("scaler", StandardScaler()),
                    ("clf", RandomForestClassifier(
                        n_estimators=<<trees>>, max_depth=<<depth>>, random_state=7
                    )),
                ])
        ''', name=mod.name("build_pipeline", "make_model"), trees=trees, depth=depth)
    return render(
        '''
        def <<name>>(params: dict) -> Pipeline:
            """Scaler plus forest, with hyperparameters from the experiment config."""
            return Pipeline([
                ("scaler", StandardScaler()),
                ("clf", RandomForestClassifier(**params)),
            ])
    ''', name=mod.name("build_pipeline", "make_model"))


def sklearn_search_block(mod: Module) -> list[str]:
    """A GridSearchCV run."""
    return render(
        '''
        def <<name>>(pipeline: Pipeline, features, labels, grid: dict, folds: int = 5) -> Pipeline:
            """Cross-validated grid search; returns the refit best estimator."""
            search = GridSearchCV(pipeline, param_grid=grid, cv=folds, scoring="roc_auc", n_jobs=-1)
            search.fit(features, labels)
            LOGGER.info("best params %s (auc %.3f)", search.best_params_, search.best_score_)
            return search.best_estimator_
    ''', name=mod.name("tune", "grid_search", "search_params"))


def sklearn_baseline_block(mod: Module) -> list[str]:
    """A logistic-regression baseline."""
    return render(
        '''
        def <<name>>(features, labels, regularization: float, max_iter: int) -> LogisticRegression:
            """A linear baseline to compare the forest against."""
            model = LogisticRegression(C=regularization, max_iter=max_iter)
            model.fit(features, labels)
            return model
    ''', name=mod.name("fit_baseline", "baseline"))


def sklearn_evaluate_block(mod: Module) -> list[str]:
    """Hold-out metrics at a threshold (rarely a hard-coded one)."""
    if mod.smelly():
        signature, threshold = "(model, features, labels)", str(round(mod.rng.uniform(0.3, 0.9), 2))
    else:
        signature, threshold = "(model, features, labels, threshold: float)", "threshold"
    return render(
        '''
        def <<name>><<signature>> -> dict:
            """Score the held-out set at the operating threshold."""
            proba = model.predict_proba(features)[:, 1]
            predicted = (proba >= <<threshold>>).astype(int)
            <<leftover>>
            report = classification_report(labels, predicted, output_dict=True)
            return {
                "auc": roc_auc_score(labels, proba),
                "f1": f1_score(labels, predicted),
                "report": report,
            }
    ''', name=mod.name("evaluate", "score_model", "holdout_metrics"), signature=signature,
        threshold=threshold, leftover=mod.commented_out_code())


def sklearn_persist_block(mod: Module) -> list[str]:
    """joblib.dump of model and metrics (rarely a pickle.load instead)."""
    if mod.smelly():
        return render(
            '''
            def <<name>>(path: Path):
                """Load a model saved by the old training job."""
                import pickle

                with open(path, "rb") as handle:
                    return pickle.load(handle)
        ''', name=mod.name("load_model", "restore"))
    return render(
        '''
        def <<name>>(model, metrics: dict, out_dir: Path) -> None:
            """Save the model next to its metrics so they are never separated."""
            out_dir.mkdir(parents=True, exist_ok=True)
            joblib.dump(model, out_dir / "model.joblib")
            (out_dir / "metrics.json").write_text(json.dumps(metrics, default=float, indent=2))
    ''', name=mod.name("save_artifacts", "persist", "export_model"))


def sklearn_main_block(_mod: Module) -> list[str]:
    """A config-driven argparse training entry point."""
    return render(
        '''
        def main() -> None:
            """Train, evaluate and save, with every knob on the command line."""
            parser = argparse.ArgumentParser(description=__doc__)
            parser.add_argument("--data", type=Path, required=True)
            parser.add_argument("--config", type=Path, required=True)
            parser.add_argument("--out", type=Path, default=Path("artifacts"))
            args = parser.parse_args()
            config = json.loads(args.config.read_text())
            frame = pd.read_parquet(args.data)
            train_x, test_x, train_y, test_y = train_test_split(
                frame[FEATURES], frame[TARGET],
                test_size=config["test_size"], random_state=config["seed"],
            )
            model = RandomForestClassifier(**config["forest"]).fit(train_x, train_y)
            scores = model.predict_proba(test_x)[:, 1]
            auc = roc_auc_score(test_y, scores)
            LOGGER.info("auc %.4f, positives %d", auc, int(np.sum(test_y)))
            joblib.dump(model, args.out / "model.joblib")


        if __name__ == "__main__":
            main()
    ''')


# ---------------------------------------------------------------- PyTorch

def torch_header(mod: Module) -> list[str]:
    """Imports and constants of a PyTorch module."""
    return render(
        '''
        """PyTorch model and training loop for <<domain>>."""

        from __future__ import annotations

        import argparse
        import logging
        from pathlib import Path

        import torch
        from torch import nn
        from torch.optim import Optimizer
        from torch.utils.data import DataLoader, Dataset

        LOGGER = logging.getLogger(__name__)
        NUM_FEATURES = <<width>>
    ''', domain=mod.domain, width=mod.rng.choice([8, 16, 24, 32, 64]))


def torch_module_block(mod: Module) -> list[str]:
    """An nn.Module subclass."""
    hidden = mod.rng.choice([32, 64, 128, 256])
    return render(
        '''
        class <<name>>(nn.Module):
            """A small feed-forward scorer with dropout."""

            def __init__(
                self, in_features: int = NUM_FEATURES, hidden: int = <<hidden>>,
                dropout: float = 0.1,
            ) -> None:
                super().__init__()
                self.layers = nn.Sequential(
                    nn.Linear(in_features, hidden),
                    nn.ReLU(),
                    nn.Dropout(dropout),
                    nn.Linear(hidden, hidden // 2),
                    nn.ReLU(),
                    nn.Linear(hidden // 2, 1),
                )

            def forward(self, inputs: torch.Tensor) -> torch.Tensor:
                return self.layers(inputs).squeeze(-1)
    ''', name=mod.name("ScoringNet", "TabularMLP", "RiskModel", "FeedForward"), hidden=hidden)


def torch_dataset_block(mod: Module) -> list[str]:
    """An in-memory Dataset subclass."""
    return render(
        '''
        class <<name>>(Dataset):
            """Tensors held in memory; the tables here fit comfortably."""

            def __init__(self, features: torch.Tensor, labels: torch.Tensor) -> None:
                self.features = features
                self.labels = labels

            def __len__(self) -> int:
                return len(self.labels)

            def __getitem__(self, index: int):
                return self.features[index], self.labels[index]
    ''', name=mod.name("TabularDataset", "InMemoryDataset", "RowsDataset"))


def torch_train_block(mod: Module) -> list[str]:
    """One training epoch."""
    return render(
        '''
        def <<name>>(model: nn.Module, loader: DataLoader, optimizer: Optimizer) -> float:
            """One pass over the training data; returns the mean loss."""
            model.train()
            loss_fn = nn.BCEWithLogitsLoss()
            total = 0.0
            for features, labels in loader:
                optimizer.zero_grad()
                loss = loss_fn(model(features), labels.float())
                loss.backward()
                optimizer.step()
                total += loss.item() * len(labels)
            <<leftover>>
            return total / len(loader.dataset)
    ''', name=mod.name("train_epoch", "run_epoch", "fit_one_epoch"),
        leftover=mod.commented_out_code())


def torch_evaluate_block(mod: Module) -> list[str]:
    """Sigmoid scores compared with a threshold (rarely a hard-coded one)."""
    if mod.smelly():
        signature = "(model: nn.Module, loader: DataLoader)"
        threshold = str(round(mod.rng.uniform(0.3, 0.9), 2))
    else:
        signature = "(model: nn.Module, loader: DataLoader, threshold: float)"
        threshold = "threshold"
    return render(
        '''
        @torch.no_grad()
        def <<name>><<signature>> -> float:
            """Accuracy of sigmoid scores cut at the operating threshold."""
            model.eval()
            correct = 0
            for features, labels in loader:
                probabilities = torch.sigmoid(model(features))
                predicted = probabilities > <<threshold>>
                correct += (predicted == labels.bool()).sum().item()
            return correct / len(loader.dataset)
    ''', name=mod.name("evaluate", "accuracy", "validate"),
        signature=signature, threshold=threshold)


def torch_checkpoint_block(mod: Module) -> list[str]:
    """torch.save / torch.load checkpoint helpers."""
    return render(
        '''
        def <<save>>(model: nn.Module, optimizer: Optimizer, epoch: int, path: Path) -> None:
            """Checkpoint enough state to resume training."""
            state = {"model": model.state_dict(), "optimizer": optimizer.state_dict()}
            state["epoch"] = epoch
            torch.save(state, path)


        def <<load>>(model: nn.Module, path: Path) -> int:
            """Restore weights on the CPU; returns the epoch to resume from."""
            state = torch.load(path, map_location="cpu", weights_only=True)
            model.load_state_dict(state["model"])
            return state["epoch"] + 1
    ''', save=mod.name("save_checkpoint", "checkpoint"), load=mod.name("load_checkpoint", "resume"))


def torch_main_block(mod: Module) -> list[str]:
    """An argparse training loop (rarely with hard-coded lr and batch size)."""
    if mod.smelly():
        learning_rate = str(mod.rng.choice([0.001, 0.0003, 0.01]))
        batch = str(mod.rng.choice([32, 64, 256]))
        options = []
    else:
        learning_rate, batch = "args.lr", "args.batch_size"
        options = ['parser.add_argument("--lr", type=float, required=True)',
                   'parser.add_argument("--batch-size", type=int, required=True)']
    return render(
        '''
        def main() -> None:
            """Train from tensors saved by the feature job."""
            parser = argparse.ArgumentParser(description=__doc__)
            parser.add_argument("--data", type=Path, required=True)
            parser.add_argument("--epochs", type=int, default=10)
            <<options>>
            args = parser.parse_args()
            features, labels = torch.load(args.data, weights_only=True)
            loader = DataLoader(list(zip(features, labels)), batch_size=<<batch>>, shuffle=True)
            model = nn.Sequential(nn.Linear(NUM_FEATURES, 1))
            optimizer = torch.optim.Adam(model.parameters(), lr=<<lr>>)
            for epoch in range(args.epochs):
                for batch_features, batch_labels in loader:
                    optimizer.zero_grad()
                    logits = model(batch_features).squeeze(-1)
                    loss = nn.functional.binary_cross_entropy_with_logits(logits, batch_labels)
                    loss.backward()
                    optimizer.step()
                LOGGER.info("epoch %d done", epoch)
            torch.save(model.state_dict(), args.data.with_suffix(".pt"))


        if __name__ == "__main__":
            main()
    ''', options=options, batch=batch, lr=learning_rate)


# ---------------------------------------------------------------- serving

def serving_header(mod: Module) -> list[str]:
    """Imports, model loading and app object of a Flask or FastAPI service."""
    threshold = (str(round(mod.rng.uniform(0.3, 0.9), 2)) if mod.smelly()
                 else 'float(os.environ.get("DECISION_THRESHOLD", "0.5"))')
    if mod.framework == "flask":
        imports, app = "from flask import Flask, jsonify, request", "Flask(__name__)"
    else:
        imports = "from fastapi import FastAPI\nfrom pydantic import BaseModel"
        app = f'FastAPI(title="{mod.domain} scoring")'
    return render(
        '''
        """HTTP scoring service for the <<domain>> model."""

        from __future__ import annotations

        import logging
        import os

        import joblib
        import numpy as np
        <<imports>>

        LOGGER = logging.getLogger(__name__)
        MODEL_PATH = os.environ.get("MODEL_PATH", "artifacts/model.joblib")
        THRESHOLD = <<threshold>>
        FEATURES = [<<features>>]
        MODEL = joblib.load(MODEL_PATH)
        app = <<app>>
    ''', domain=mod.domain, imports=imports.splitlines(), threshold=threshold, app=app,
        features=", ".join(f'"{column}"' for column in mod.columns[:4]))


def serving_features_block(mod: Module) -> list[str]:
    """Feature row built from a request body."""
    first, second = mod.columns[0], mod.columns[1]
    mod.builder = mod.name("build_features", "features_from_request", "to_row")
    return render(
        '''
        def <<name>>(payload: dict) -> np.ndarray:
            """Turn one request body into the model's feature row, defaulting absent fields."""
            row = [float(payload.get(name, 0.0)) for name in FEATURES]
            if payload.get("<<second>>"):
                row[0] = float(payload["<<first>>"]) / max(float(payload["<<second>>"]), 1.0)
            return np.asarray(row, dtype=np.float32).reshape(1, -1)
    ''', name=mod.builder, first=first, second=second)


def serving_route_block(mod: Module) -> list[str]:
    """A predict route comparing predict_proba with THRESHOLD."""
    # A route needs a feature builder defined above it.
    prelude = [] if mod.builder else serving_features_block(mod) + [""]
    if mod.framework == "flask":
        return prelude + render(
            '''
            @app.route("/<<path>>", methods=["POST"])
            def <<name>>():
                """Score one request; the decision uses the configured threshold."""
                payload = request.get_json(force=True)
                proba = float(MODEL.predict_proba(<<builder>>(payload))[0, 1])
                LOGGER.debug("scored %s", payload.get("<<key>>"))
                return jsonify({"probability": proba, "positive": proba > THRESHOLD})
        ''', path=mod.rng.choice(["predict", "score", "v1/predict"]),
            name=mod.name("predict", "score"),
            builder=mod.builder, key=mod.key)
    return prelude + render(
        '''
        class <<request>>(BaseModel):
            """Request body; unknown fields are ignored."""

            <<key>>: str
            <<first>>: float = 0.0
            <<second>>: float = 0.0


        @app.post("/<<path>>")
        def <<name>>(body: <<request>>) -> dict:
            """Score one request; the decision uses the configured threshold."""
            proba = float(MODEL.predict_proba(<<builder>>(body.dict()))[0, 1])
            return {"probability": proba, "positive": proba > THRESHOLD}
    ''', request=mod.name("ScoreRequest", "PredictionRequest"), key=mod.key, first=mod.columns[0],
        second=mod.columns[1], path=mod.rng.choice(["predict", "score", "v1/predict"]),
        name=mod.name("predict", "score"), builder=mod.builder)


def serving_batch_block(mod: Module) -> list[str]:
    """Batch scoring of many request bodies."""
    if not mod.builder:  # batch scoring calls a feature builder, so define one first
        return serving_features_block(mod)
    return render(
        '''
        def <<name>>(rows: list[dict]) -> list[dict]:
            """Score a batch in one predict_proba call; far cheaper than one call per row."""
            if not rows:
                return []
            matrix = np.vstack([<<builder>>(row) for row in rows])
            probabilities = MODEL.predict_proba(matrix)[:, 1]
            return [
                {
                    "<<key>>": row.get("<<key>>"),
                    "probability": float(proba),
                    "positive": bool(proba > THRESHOLD),
                }
                for row, proba in zip(rows, probabilities)
            ]
    ''', name=mod.name("score_batch", "predict_many", "batch_scores"), builder=mod.builder,
        key=mod.key)


def serving_health_block(mod: Module) -> list[str]:
    """The health endpoint."""
    # One health endpoint per service; later draws become scoring routes instead.
    if "health" in mod.used_names:
        return serving_route_block(mod)
    mod.used_names.add("health")
    decorator = '@app.route("/health")' if mod.framework == "flask" else '@app.get("/health")'
    return render(
        '''
        <<decorator>>
        def health() -> dict:
            """Liveness probe with the model's identity, for the load balancer."""
            return {"status": "ok", "model": os.path.basename(MODEL_PATH), "threshold": THRESHOLD}
    ''', decorator=decorator)


# ---------------------------------------------------------------- utilities (no ML imports)

def utility_header(mod: Module) -> list[str]:
    """Standard-library imports of a utility module; nothing ML-related."""
    return render(
        '''
        """<<doc>>"""

        from __future__ import annotations

        import argparse
        import json
        import logging
        import os
        import re
        import time
        from dataclasses import dataclass, field
        from pathlib import Path

        LOGGER = logging.getLogger(__name__)
    ''', doc=mod.rng.choice(["Small helpers shared by the jobs.",
                             "Configuration objects and loaders.",
                             "Command-line plumbing.", "Filesystem and text helpers."]))


def utility_strings_block(mod: Module) -> list[str]:
    """String helpers."""
    return render(
        '''
        def <<slug>>(text: str) -> str:
            """Lower-case, ASCII-only, dash-separated: safe for paths and URLs."""
            text = re.sub(r"[^a-zA-Z0-9]+", "-", text.strip().lower())
            return text.strip("-")


        def <<snake>>(name: str) -> str:
            """CamelCase to snake_case, for column names coming from JSON."""
            return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


        def <<truncate>>(text: str, limit: int = <<limit>>) -> str:
            """Shorten long values in log lines, marking the cut."""
            return text if len(text) <= limit else text[: limit - 3] + "..."
    ''', slug=mod.name("slugify", "to_slug"), snake=mod.name("camel_to_snake", "snake_case"),
        truncate=mod.name("truncate", "shorten"), limit=mod.rng.choice([40, 80, 120]))


def utility_dataclass_block(mod: Module) -> list[str]:
    """A configuration dataclass."""
    name = mod.name("JobConfig", "StorageConfig", "RunSettings", "PathsConfig", "RetryPolicy")
    return render(
        '''
        @dataclass
        class <<name>>:
            """Settings read once at start-up; every field has a safe default."""

            root: Path = Path(".")
            bucket: str = "<<bucket>>"
            retries: int = <<retries>>
            timeout_seconds: float = <<timeout>>
            tags: list[str] = field(default_factory=list)

            @classmethod
            def from_env(cls, prefix: str = "<<prefix>>") -> "<<name>>":
                """Override defaults from environment variables such as <<prefix>>BUCKET."""
                return cls(
                    root=Path(os.environ.get(prefix + "ROOT", ".")),
                    bucket=os.environ.get(prefix + "BUCKET", cls.bucket),
                    retries=int(os.environ.get(prefix + "RETRIES", cls.retries)),
                )
    ''', name=name, bucket=f"{mod.domain}-artifacts", retries=mod.rng.randint(1, 5),
        timeout=float(mod.rng.choice([5, 10, 30, 60])), prefix=name.upper()[:6] + "_")


def utility_io_block(mod: Module) -> list[str]:
    """JSON file helpers."""
    return render(
        '''
        def <<read>>(path: Path) -> dict:
            """Read a JSON file, treating a missing file as empty."""
            if not path.exists():
                return {}
            return json.loads(path.read_text(encoding="utf-8"))


        def <<write>>(path: Path, payload: dict) -> None:
            """Write atomically so a crash never leaves half a file behind."""
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(path.suffix + ".tmp")
            temporary.write_text(json.dumps(payload, indent=2, sort_keys=True), encoding="utf-8")
            temporary.replace(path)
    ''', read=mod.name("read_json", "load_json"), write=mod.name("write_json", "save_json"))


def utility_retry_block(mod: Module) -> list[str]:
    """A retry decorator (rarely with an ``if False:`` leftover)."""
    dead_branch = []
    if mod.smelly():
        dead_branch = ["if False:", '    LOGGER.debug("attempt %d of %d", attempt, attempts)']
    return render(
        '''
        def <<name>>(attempts: int = 3, delay: float = 0.5):
            """Retry a flaky call (network, object store) with linear back-off."""

            def decorate(func):
                def wrapper(*args, **kwargs):
                    for attempt in range(1, attempts + 1):
                        <<dead_branch>>
                        try:
                            return func(*args, **kwargs)
                        except OSError:
                            if attempt == attempts:
                                raise
                            time.sleep(delay * attempt)
                    return None

                return wrapper

            return decorate
    ''', name=mod.name("retry", "with_retries"), dead_branch=dead_branch)


def utility_cli_block(mod: Module) -> list[str]:
    """Shared argparse options."""
    return render(
        '''
        def <<name>>(argv: list[str] | None = None) -> argparse.Namespace:
            """Options shared by every job entry point."""
            parser = argparse.ArgumentParser(description=__doc__)
            parser.add_argument("--config", type=Path, default=Path("config.json"))
            parser.add_argument("--verbose", action="store_true")
            parser.add_argument("--dry-run", action="store_true", help="change nothing, only log")
            args = parser.parse_args(argv)
            logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO)
            <<leftover>>
            return args
    ''', name=mod.name("parse_args", "build_cli", "common_args"), leftover=mod.commented_out_code())


# ---------------------------------------------------------------- assembly

# Per kind: header, blocks repeated until the module is long enough, optional footer.
KINDS = {
    "data_prep": (data_prep_header,
                  [data_load_block, data_clean_block, data_merge_block, data_groupby_block,
                   data_features_block, data_encode_block], data_main_block),
    "sklearn": (sklearn_header,
                [sklearn_split_block, sklearn_pipeline_block, sklearn_search_block,
                 sklearn_baseline_block, sklearn_evaluate_block, sklearn_persist_block],
                sklearn_main_block),
    "torch": (torch_header,
              [torch_module_block, torch_dataset_block, torch_train_block, torch_evaluate_block,
               torch_checkpoint_block], torch_main_block),
    "serving": (serving_header,
                [serving_features_block, serving_route_block, serving_batch_block,
                 serving_health_block], None),
    "utility": (utility_header,
                [utility_strings_block, utility_dataclass_block, utility_io_block,
                 utility_retry_block, utility_cli_block], None),
}
MODULE_STEMS = {
    "data_prep": ["prepare", "clean", "features", "ingest", "join", "aggregate"],
    "sklearn": ["train", "evaluate", "tune", "baseline", "forest"],
    "torch": ["net", "train_torch", "mlp", "trainer"],
    "serving": ["api", "app", "service", "endpoint"],
    "utility": ["helpers", "settings", "cli", "io", "text", "paths", "retry"],
}


def build_module(rng: random.Random, kind: str) -> str:
    """One module of ``kind``, between MIN_MODULE_LINES and MAX_MODULE_LINES long."""
    header, blocks, footer = KINDS[kind]
    mod = Module(rng, kind)
    lines = header(mod)
    footer_lines = footer(mod) if footer else []
    wanted = rng.randint(MIN_MODULE_LINES, MAX_MODULE_LINES)

    def length(extra: int = 0) -> int:
        # Every rendered piece ends with a blank line, and the module's last one is stripped;
        # the footer, when there is one, is preceded by one more blank line.
        footer_length = len(footer_lines) + 1 if footer_lines else 0
        return len(lines) + footer_length + extra - 1

    while length() < wanted:
        block = rng.choice(blocks)(mod)
        if length(len(block) + 1) > MAX_MODULE_LINES:
            break
        lines += [""] + block
    # Stopping at the cap can leave a module short of the minimum; top it up.
    while length() < MIN_MODULE_LINES:
        lines += [""] + rng.choice(blocks)(mod)
    if footer_lines:
        lines += [""] + footer_lines
    return "\n".join(lines).rstrip("\n") + "\n"


def generate(out_dir: Path | str, seed: int = 0, lines: int = 24000) -> tuple[int, int]:
    """Write a fresh corpus of at least ``lines`` lines; returns (files, lines) written."""
    out_dir = Path(out_dir)
    rng = random.Random(seed)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    package = out_dir / rng.choice(["churnlab", "riskml", "forecasting", "scoring_platform"])
    # The empty table stops mldebt's config lookup here instead of at the host repository.
    files: dict[Path, str] = {out_dir / "pyproject.toml": "[tool.mldebt]\n",
                              package / "__init__.py": '"""Generated benchmark project."""\n'}
    kinds = sorted(KIND_WEIGHTS)
    weights = [KIND_WEIGHTS[kind] for kind in kinds]
    total = 0
    while total < lines:
        kind = rng.choices(kinds, weights)[0]
        subpackage = package / rng.choice(SUBPACKAGES[kind])
        init = subpackage / "__init__.py"
        if init not in files:
            files[init] = f'"""The {subpackage.name} subpackage."""\n'
        stem = f"{rng.choice(MODULE_STEMS[kind])}_{rng.choice(sorted(DOMAINS))}"
        path, counter = subpackage / f"{stem}.py", 2
        while path in files:
            path, counter = subpackage / f"{stem}_{counter}.py", counter + 1
        files[path] = build_module(rng, kind)
        total += files[path].count("\n")

    python_files = lines_written = 0
    for path in sorted(files):
        source = files[path]
        if path.suffix == ".py":
            # A broken template must fail loudly here, not silently skew the timings.
            ast.parse(source, filename=str(path))
            python_files += 1
            lines_written += source.count("\n")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return python_files, lines_written


NOTEBOOK_KINDS = {"data_prep": 4, "sklearn": 4, "torch": 2}
# A saved plot: notebooks carry their outputs, and reading them is part of the cost.
PLOT_BYTES = 24_000


def generate_notebooks(out_dir: Path | str, seed: int = 0, count: int = 100) -> tuple[int, int]:
    """``count`` notebooks in ``out_dir/notebooks`` and the same code as ``.py`` files in ``out_dir/scripts``.

    Each module of the corpus's kinds becomes a notebook with a cell per
    top-level statement (imports together), a markdown heading every few
    cells, saved execution counts of a clean Run All, text outputs and now
    and then a plot. The script holds exactly the notebook's code cells,
    joined, so the two folders differ only in how the code is stored.
    Returns (notebooks, lines of code).
    """
    out_dir = Path(out_dir)
    rng = random.Random(seed)
    if out_dir.exists():
        shutil.rmtree(out_dir)
    kinds = sorted(NOTEBOOK_KINDS)
    weights = [NOTEBOOK_KINDS[kind] for kind in kinds]
    lines_written = 0
    for folder in ("notebooks", "scripts"):
        (out_dir / folder).mkdir(parents=True)
        (out_dir / folder / "pyproject.toml").write_text("[tool.mldebt]\n", encoding="utf-8")
    for number in range(count):
        kind = rng.choices(kinds, weights)[0]
        cells = _code_cells(build_module(rng, kind))
        stem = f"{number:03d}_{rng.choice(MODULE_STEMS[kind])}_{rng.choice(sorted(DOMAINS))}"
        script = "\n".join(cells) + "\n"
        lines_written += script.count("\n")
        (out_dir / "scripts" / f"{stem}.py").write_text(script, encoding="utf-8")
        notebook = _notebook(rng, cells, stem)
        (out_dir / "notebooks" / f"{stem}.ipynb").write_text(json.dumps(notebook, indent=1) + "\n", encoding="utf-8")
    return count, lines_written


def _code_cells(source: str) -> list[str]:
    """A cell per top-level statement, from its decorators or leading comments; consecutive imports in one."""
    lines = source.splitlines()
    statements = ast.parse(source).body
    imports = (ast.Import, ast.ImportFrom)
    starts = [1]
    for previous, statement in zip(statements, statements[1:]):
        if isinstance(statement, imports) and isinstance(previous, imports):
            continue
        first = min([statement.lineno, *(decorator.lineno for decorator in getattr(statement, "decorator_list", ()))])
        while first > 1 and lines[first - 2].startswith("#"):
            first -= 1
        starts.append(first)
    bounds = [*starts, len(lines) + 1]
    cells = ["\n".join(lines[start - 1:end - 1]).strip("\n") for start, end in zip(bounds, bounds[1:])]
    return [cell for cell in cells if cell.strip()]


def _notebook(rng: random.Random, cells: list[str], stem: str) -> dict:
    notebook_cells = [_markdown_cell(rng, f"# {stem.replace('_', ' ')}")]
    for count, cell in enumerate(cells, start=1):
        if count > 1 and count % 4 == 0:
            notebook_cells.append(_markdown_cell(rng, f"## Step {count // 4}"))
        outputs = [{"name": "stdout", "output_type": "stream", "text": [f"step {count}: {rng.random():.4f}\n"]}]
        if rng.random() < 0.15:
            plot = base64.b64encode(rng.randbytes(PLOT_BYTES)).decode("ascii")
            outputs.append({"output_type": "display_data", "metadata": {},
                            "data": {"image/png": plot, "text/plain": ["<Figure size 640x480 with 1 Axes>"]}})
        notebook_cells.append({
            "cell_type": "code", "execution_count": count, "id": f"{rng.getrandbits(32):08x}", "metadata": {},
            "outputs": outputs, "source": cell.splitlines(keepends=True),
        })
    return {
        "cells": notebook_cells,
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def _markdown_cell(rng: random.Random, text: str) -> dict:
    return {"cell_type": "markdown", "id": f"{rng.getrandbits(32):08x}", "metadata": {}, "source": [text]}


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--lines", type=int, default=24000, help="minimum total lines of Python")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="wiped and rewritten")
    args = parser.parse_args()
    files, lines = generate(args.out, args.seed, args.lines)
    print(f"wrote {files} Python files, {lines} lines, to {args.out}")


if __name__ == "__main__":
    main()
