"""A look at last month's orders: read, summarise, plot; no model is trained or served here.

Exploratory reads let pandas guess the types on purpose; what reaches a model
is typed where the model's inputs are loaded. Nothing here is reported.
"""

import matplotlib.pyplot as plt
import pandas as pd

orders = pd.read_csv("data/exports/orders_2024_05.csv")
print(orders.describe(include="all"))
print(orders.dtypes)

by_day = orders.groupby(orders["ordered_at"].str[:10])["amount"].sum()
by_day.plot(title="Revenue per day")
plt.savefig("reports/revenue_per_day.png")
