#!/usr/bin/env python
# coding: utf-8

# # House prices: first look
#
# Exploration of the raw listings export, before the training script existed.

# In[1]:


import pickle

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

get_ipython().run_line_magic('matplotlib', 'inline')  # noqa: F821


# In[2]:


df = pd.read_csv("/home/alice/projects/house-prices/data/listings_raw.csv")
assert len(df) > 1000, "export looks truncated"
df.describe()


# In[3]:


df = df.dropna(subset=["price", "sqft"])
# df = df[df.sqft.between(300, 10_000)]
df["log_price"] = np.log1p(df["price"])
df["log_price"].hist(bins=50)


# In[5]:


# Listings that look like data-entry errors, before any modelling.
numeric = df[["price", "sqft", "bedrooms", "bathrooms"]].fillna(0)
iso = IsolationForest(random_state=0).fit(numeric)
scores = iso.score_samples(numeric)
outliers = df[scores < -0.62]
outliers.sort_values("price").head(20)


# In[7]:


# Does a listing sell above asking? A quick classifier to see whether there is any signal.
df["above_asking"] = (df["sold_price"] > df["list_price"]).astype(int)
cols = ["sqft", "bedrooms", "bathrooms", "days_on_market"]
X_train, X_test, y_train, y_test = train_test_split(
    df[cols].fillna(0), df["above_asking"], test_size=0.25, random_state=0
)
clf = LogisticRegression(C=0.1)
clf.fit(X_train, y_train)
proba = clf.predict_proba(X_test)[:, 1]
y_pred = (proba > 0.5).astype(int)
print("accuracy:", (y_pred == y_test).mean(), "positives:", (y_pred == 1).sum())


# In[8]:


confident = [p for p in proba if p >= 0.85]
print(len(confident), "confident predictions out of", len(proba))


# In[9]:


with open("models/old_model.pkl", "rb") as f:
    old_model = pickle.load(f)
old_pred = old_model.predict(df[["sqft", "bedrooms", "bathrooms"]].fillna(0))
print("old model MAE:", np.mean(np.abs(old_pred - df["price"])))


# In[10]:


if False:
    # without the luxury segment the scatter is easier to read
    cheap = df[df["price"] < 2_000_000]
    plt.scatter(cheap["sqft"], cheap["price"], s=2, alpha=0.3)
    plt.show()
