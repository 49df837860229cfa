"""Messages say what the code does: the API actually called, the real reason, no repeated text."""

import textwrap

import pytest

from mldebt.config import Settings, settings_for
from mldebt.engine import analyze




def _messages(source: str, code: str, path: str = "module.py", settings: Settings | None = None) -> list[str]:
    findings = analyze(path, textwrap.dedent(source), settings or Settings())
    return [finding.message for finding in findings if finding.code == code]


def _project_messages(tmp_path, train: str, serve: str, code: str) -> list[str]:
    (tmp_path / "pyproject.toml").write_text("[tool.mldebt]\n")
    (tmp_path / "train.py").write_text(textwrap.dedent(train))
    (tmp_path / "serve.py").write_text(textwrap.dedent(serve))
    path = str(tmp_path / "serve.py")
    return _messages(serve, code, path, settings_for(path))


TRAIN_WITH_STEP = """\
    import joblib
    import numpy as np
    import pandas as pd
    from sklearn.linear_model import Ridge

    trips = pd.read_csv("data/trips.csv")
    trips["distance_km"] = {step}
    model = Ridge().fit(trips[["distance_km", "stops"]], trips["minutes"])
    joblib.dump(model, "models/eta.joblib")
"""

SERVE_WITHOUT_STEP = """\
    import joblib
    from flask import Flask, request

    app = Flask(__name__)
    model = joblib.load("models/eta.joblib")


    @app.post("/eta")
    def eta():
        trip = request.get_json()
        return {"minutes": float(model.predict([[trip["distance_km"], trip["stops"]]])[0])}
"""


@pytest.mark.parametrize(
    ("step", "api"),
    [
        ('trips["distance_km"].clip(upper=80)', "Series.clip"),
        ('np.clip(trips["distance_km"], 0, 80)', "np.clip"),
        ('trips["distance_km"].round(1)', "Series.round"),
        ('trips["distance_km"].replace(-1, 0)', "Series.replace"),
    ],
)
def test_train_serve_skew_names_the_api_training_called(tmp_path, step, api):
    [message] = _project_messages(tmp_path, TRAIN_WITH_STEP.format(step=step), SERVE_WITHOUT_STEP, "MLD501")
    assert f"training applies {api} (train.py:7) before fitting" in message


def test_a_wall_clock_skew_names_the_feature_once(tmp_path):
    train = """\
        import joblib
        import pandas as pd
        from sklearn.linear_model import LogisticRegression

        logins = pd.read_csv("data/logins.csv")
        logins["account_age"] = logins["event_ts"] - logins["signup_ts"]
        model = LogisticRegression().fit(logins[["account_age", "failures"]], logins["fraud"])
        joblib.dump(model, "models/fraud.joblib")
    """
    serve = """\
        import time

        import joblib
        from flask import Flask, request

        app = Flask(__name__)
        model = joblib.load("models/fraud.joblib")


        @app.post("/score")
        def score():
            event = request.get_json()
            account_age = time.time() - event["signup_ts"]
            return {"fraud": float(model.predict_proba([[account_age, event["failures"]]])[0, 1])}
    """
    [message] = _project_messages(tmp_path, train, serve, "MLD501")
    assert message.startswith(
        "serving computes `account_age` from the wall clock (time.time()), while training applies a difference "
        "of the event timestamps event_ts, signup_ts (train.py:6); compute"
    )


def test_duplicated_feature_logic_names_the_feature_training_creates_and_reports_a_copy_once(tmp_path):
    train = """\
        import joblib
        import numpy as np
        import pandas as pd
        from sklearn.linear_model import Ridge

        REFERENCE_YEAR = 2024
        houses = pd.read_csv("data/houses.csv")
        houses["age"] = REFERENCE_YEAR - houses["year_built"]
        houses["log_area"] = np.log1p(houses["area"]) * 2.0
        model = Ridge().fit(houses[["age", "log_area"]], houses["price"])
        joblib.dump(model, "models/price.joblib")
    """
    serve = """\
        import joblib
        import numpy as np
        from flask import Flask, request

        REFERENCE_YEAR = 2024
        app = Flask(__name__)
        model = joblib.load("models/price.joblib")


        @app.post("/price")
        def price():
            house = request.get_json()
            age = REFERENCE_YEAR - house["year_built"]
            log_area = np.log1p(house["area"]) * 2.0
            return {"price": float(model.predict([[age, log_area]])[0])}
    """
    messages = _project_messages(tmp_path, train, serve, "MLD504")
    assert [message.split(" repeats")[0] for message in messages] == [
        "this computation of `age`",
        "this computation of `log_area`",
    ]


@pytest.mark.parametrize(
    ("body", "lines"),
    [("rows = rows.head(10)", "line 6"), ("rows = rows.head(10)\n        rows = rows.tail(5)", "lines 6-7")],
)
def test_a_dead_branch_of_one_line_reads_line_not_lines(body, lines):
    source = f"import pandas as pd\n\n\ndef sample(rows):\n    if False:\n        {body}\n    return rows\n"
    [message] = _messages(source, "MLD701")
    assert f"so its body ({lines}) never runs" in message


SCORING = """\
    import joblib
    import numpy as np

    model = joblib.load("models/churn.joblib")


    def review(rows):
        {body}
"""


def test_a_threshold_on_the_model_call_itself_has_no_from_clause():
    [message] = _messages(SCORING.format(body="return model.predict_proba(np.asarray(rows))[:, 1] > 0.7"), "MLD401")
    assert message.startswith("`model.predict_proba(np.asarray(rows))[:, 1]` is compared with the hard-coded")


def test_a_threshold_on_a_name_says_which_call_produced_it():
    body = "proba = model.predict_proba(rows)[:, 1]\n        return proba > 0.7"
    [message] = _messages(SCORING.format(body=body), "MLD401")
    assert message.startswith("`proba` (from `model.predict_proba(...)` on line 8) is compared")


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("rows = X_test.fillna(0)\n    scaled = scaler.fit_transform(rows)",
         "on test data `rows` (from `X_test`, whose name marks it as test data);"),
        ("scaled = scaler.fit_transform(X_test)", "on test data `X_test` (by its name);"),
        ("X_a, X_b = train_test_split(X_test)\n    scaled = scaler.fit_transform(X_b)",
         "on test data `X_b` (split off at line 9);"),
    ],
)
def test_fit_on_test_data_gives_the_real_reason_the_data_is_held_out(body, reason):
    # The rescaled rows are scored, so fitting the scaler on them shapes a reported score.
    source = (
        "from sklearn.linear_model import LogisticRegression\n"
        "from sklearn.model_selection import train_test_split\n"
        "from sklearn.preprocessing import StandardScaler\n\n"
        "scaler = StandardScaler()\n\n\n"
        f"def rescale(X_test, y_test, model: LogisticRegression):\n    {body}\n"
        "    return model.score(scaled, y_test)\n"
    )
    [message] = _messages(source, "MLD602")
    assert reason in message


def test_fit_on_test_data_quotes_an_estimator_known_only_by_its_variable():
    source = """\
        import joblib

        model = joblib.load("models/retention.joblib")


        def refit(X_val, y_val):
            model.fit(X_val, y_val)
    """
    [message] = _messages(source, "MLD602")
    assert message.startswith("`fit` fits `model` on validation data `X_val` (by its name);")


@pytest.mark.parametrize(
    ("resampling", "wording"),
    [
        ("SMOTE().fit_resample(X, y)", "`X` is oversampled with SMOTE before the split at line 11"),
        ("X.sample(frac=2.0, replace=True), y", "`X` is sampled with replacement before the split at line 11"),
        ("pd.concat([X, X]), y", "`X` is concatenated with its own rows before the split at line 11"),
    ],
)
def test_overlap_leakage_reads_as_a_sentence(resampling, wording):
    source = (
        "import pandas as pd\n"
        "from imblearn.over_sampling import SMOTE\n"
        "from sklearn.linear_model import LogisticRegression\n"
        "from sklearn.model_selection import train_test_split\n\n"
        'frame = pd.read_csv("data/cards.csv")\n'
        'X, y = frame.drop(columns="fraud"), frame["fraud"]\n'
        f"X, y = {resampling}\n"
        "\n\n"
        "X_train, X_test, y_train, y_test = train_test_split(X, y)\n"
        "LogisticRegression().fit(X_train, y_train)\n"
    )
    [message] = _messages(source, "MLD605")
    assert message.startswith(wording + ", so copies of the same rows land in both train and test")


def test_an_estimator_built_by_make_pipeline_is_named_a_pipeline():
    source = """\
        import pandas as pd
        from sklearn.linear_model import Ridge
        from sklearn.metrics import r2_score
        from sklearn.pipeline import make_pipeline
        from sklearn.preprocessing import StandardScaler

        houses = pd.read_csv("data/houses.csv")
        X, y = houses.drop(columns="price"), houses["price"]
        model = make_pipeline(StandardScaler(), Ridge()).fit(X, y)
        print(r2_score(y, model.predict(X)))
    """
    [message] = _messages(source, "MLD603")
    assert message.startswith("`r2_score` on `X` measures Pipeline on the data it was trained on (line 9)")


def test_pipeline_not_used_lists_several_preprocessors_in_words():
    source = """\
        import joblib
        import pandas as pd
        from sklearn.ensemble import GradientBoostingClassifier
        from sklearn.feature_selection import SelectKBest
        from sklearn.impute import SimpleImputer

        readings = pd.read_csv("data/readings.csv")
        filled = SimpleImputer().fit_transform(readings.drop(columns="failed"))
        selected = SelectKBest(k=8).fit_transform(filled, readings["failed"])
        model = GradientBoostingClassifier().fit(selected, readings["failed"])
        joblib.dump(model, "models/failure.joblib")
    """
    [message] = _messages(source, "MLD203")
    assert message.startswith("the model is trained on the output of SimpleImputer and SelectKBest, fitted")
    assert message.endswith("save one Pipeline of them all instead")
