"""The service loads the trained model through the store: an artifact, not an intermediate file."""

from fraud.store import RunStore

FEATURES = ["amount_mean", "amount_max", "n_tx"]


def score(run_id: str, cards):
    model = RunStore().get_model(run_id)
    return model.predict_proba(cards[FEATURES])[:, 1]
