"""A test of the training stage: a tiny CSV written by the test itself. Tests are not reported."""

import pandas as pd
from sklearn.linear_model import PoissonRegressor


def test_model_learns_quantities(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("amount,discount,quantity\n10,0,1\n20,0,2\n30,5,3\n")
    orders = pd.read_csv(path)
    model = PoissonRegressor().fit(orders[["amount", "discount"]], orders["quantity"])
    assert model.predict(orders[["amount", "discount"]]).shape == (3,)
