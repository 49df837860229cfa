"""Train a small Keras network for food-delivery ETAs on min-max scaled inputs.

The scaler is fitted on the training split only, and the network learns
every input in the range 0 to 1. model.save writes the network, but the
scaler lives only in this process, so its minima and ranges are gone when
the script exits. The finding is on the scaler's fit line.
"""

import pandas as pd
from keras import layers, models, optimizers
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler

SEED = 53
HIDDEN_UNITS = 64
LEARNING_RATE = 1e-3
EPOCHS = 40
BATCH_SIZE = 256
VALIDATION_FRACTION = 0.1
FEATURES = ["distance_km", "basket_items", "restaurant_prep_minutes"]
TARGET = "delivery_minutes"


def build_network(n_inputs: int) -> models.Model:
    network = models.Sequential(
        [
            layers.Input(shape=(n_inputs,)),
            layers.Dense(HIDDEN_UNITS, activation="relu"),  # [unseeded-framework-rng]
            layers.Dense(HIDDEN_UNITS, activation="relu"),
            layers.Dense(1),
        ]
    )
    network.compile(optimizer=optimizers.Adam(learning_rate=LEARNING_RATE), loss="mae")
    return network


def main() -> None:
    orders = pd.read_parquet("data/deliveries.parquet").dropna(subset=FEATURES + [TARGET])
    train_orders, test_orders = train_test_split(orders, test_size=0.2, random_state=SEED)
    scaler = MinMaxScaler()
    X_train = scaler.fit_transform(train_orders[FEATURES])  # [unpersisted-preprocessor]
    X_test = scaler.transform(test_orders[FEATURES])

    network = build_network(len(FEATURES))
    network.fit(  # [pipeline-not-used]
        X_train, train_orders[TARGET], epochs=EPOCHS, batch_size=BATCH_SIZE, validation_split=VALIDATION_FRACTION
    )
    predicted = network.predict(X_test).ravel()
    print("test MAE (minutes):", mean_absolute_error(test_orders[TARGET], predicted))
    network.save("models/delivery_eta.keras")


if __name__ == "__main__":
    main()
