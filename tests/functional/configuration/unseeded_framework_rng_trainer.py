"""Fine-tune a text classifier with Hugging Face's Trainer, which seeds everything itself.

``TrainingArguments.seed`` defaults to 42 and the Trainer seeds Python,
numpy and torch with it before building the model head: nothing is flagged.
"""

import torch
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

EPOCHS = 3  # [hardcoded-hyperparameter]
dataset = load_dataset("csv", data_files={"train": "data/tickets_train.csv", "test": "data/tickets_test.csv"})
model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=4)
model.classifier = torch.nn.Linear(model.config.dim, 4)

arguments = TrainingArguments(output_dir="runs/tickets", num_train_epochs=EPOCHS)
trainer = Trainer(model=model, args=arguments, train_dataset=dataset["train"], eval_dataset=dataset["test"])
trainer.train()
