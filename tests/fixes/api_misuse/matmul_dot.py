import numpy as np

weights = np.random.randn(4, 8)
bias = np.zeros((1, 8))
inputs = np.ones((16, 4))
hidden = np.maximum(np.dot(inputs, weights) + bias, 0)
mixed = np.dot(np.eye(8), weights.T)
shifted = np.dot(inputs - 1, weights)
squared = np.dot(inputs, weights) ** 2
vector = np.dot(np.arange(3), np.arange(3))
