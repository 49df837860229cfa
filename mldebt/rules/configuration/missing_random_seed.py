from astroid import nodes

from mldebt.analysis.defaults import RandomCall, random_call
from mldebt.analysis.names import call_name
from mldebt.rule import Option, Rule


class MissingRandomSeed(Rule):
    """## What it does
    Flags a random splitter, estimator or sampler called without a seed:
    `train_test_split`, `ShuffleSplit`, `KFold(shuffle=True)`,
    `RandomizedSearchCV`, random forests, gradient boosting, `MLP*`,
    `SGD*`, `KMeans`, `TSNE`, imbalanced-learn's `SMOTE` and random
    samplers without `random_state` (or with `random_state=None`), and
    PyTorch's `DataLoader(shuffle=True)` and `random_split` without a
    `generator`.

    ## Why is this bad
    Zhang et al. (2022, smell 14): without a seed every run splits, samples
    and initialises differently, so a score cannot be reproduced, two
    experiments cannot be compared and a regression cannot be bisected.

    ## Example
    ```python
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)
    model = RandomForestClassifier(n_estimators=300)
    ```

    ## Use instead
    ```python
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
    model = RandomForestClassifier(n_estimators=300, random_state=SEED)
    loader = DataLoader(train_set, shuffle=True, generator=torch.Generator().manual_seed(SEED))
    ```
    Not flagged: a seed from anywhere (`random_state=config.seed`), calls
    given `**kwargs`, estimators without randomness (`LinearRegression`,
    `KNeighbors*`, `DecisionTree*`, XGBoost, LightGBM and CatBoost, which
    seed themselves), `KFold` without `shuffle=True`,
    `train_test_split(..., shuffle=False)`, and calls in a module that
    seeds the generator they fall back on: `np.random.seed(SEED)` for
    scikit-learn and imbalanced-learn, `torch.manual_seed(SEED)` for
    PyTorch, a seed-everything helper (`seed_everything`, `set_seed`, the
    project's own `*seed*` function) for both.

    ## Options
    - `extend-random-calls` (list of qualified names, default `[]`): more
      callables that take `random_state` and draw random numbers without
      it (`mylib.models.NoisyEnsemble`).
    """

    code = "MLD403"
    symbol = "missing-random-seed"
    summary = "Random splitter, estimator or sampler called without a random seed"
    node_types = (nodes.Call,)
    options = (
        Option("extend-random-calls", "str-list", (), "More callables that need `random_state` to be reproducible."),
    )

    def visit(self, node: nodes.Call) -> None:
        name = call_name(node)
        how = random_call(name) or (RandomCall() if name in self.settings["extend-random-calls"] else None)
        if how is None or how.rng in self.module.randomness.seeded or not _draws(node, how):
            return
        target = name.rsplit(".", 1)[-1]
        if how.seed == "generator":
            advice = "pass `generator=torch.Generator().manual_seed(SEED)` (or seed torch once at start-up)"
        else:
            advice = "pass `random_state=SEED` from configuration"
        self.report(node, f"`{target}` draws random numbers without a seed, so runs differ; {advice}")


def _draws(call: nodes.Call, how: RandomCall) -> bool:
    """Is the call random as written: no seed given, and shuffling where randomness depends on it?"""
    keywords = {keyword.arg: keyword.value for keyword in call.keywords or ()}
    if None in keywords:
        return False  # **kwargs may carry the seed
    seed = keywords.get(how.seed)
    if seed is not None and not (isinstance(seed, nodes.Const) and seed.value is None):
        return False
    if how.shuffle is None:
        return True
    shuffle = keywords.get("shuffle")
    if shuffle is None:
        return how.shuffle
    return isinstance(shuffle, nodes.Const) and shuffle.value is True
