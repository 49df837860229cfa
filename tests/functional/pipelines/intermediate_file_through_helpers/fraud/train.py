"""Stage 2: train on the features stage 1 stored; the model is an artifact the service loads."""

from sklearn.ensemble import HistGradientBoostingClassifier

from fraud.store import RunStore

FEATURES = ["amount_mean", "amount_max", "n_tx"]


def train(run_id: str) -> None:
    store = RunStore()
    cards = store.get_frame(run_id, "card_features")  # [intermediate-file]
    model = HistGradientBoostingClassifier(random_state=0)
    model.fit(cards[FEATURES], cards["is_fraud"])
    store.put_model(run_id, model)
