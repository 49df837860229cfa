"""A serving class whose score reaches the cut-off through a method parameter, and an OpenCV detector.

The probability is computed in one method and compared in another
(``postprocess(score)`` called with the model's output), or comes out of a
network's ``forward()``: the cut-off is as hard-coded as when the comparison
sits next to ``predict_proba``. A helper called with configured values, or a
parameter no caller feeds with a model output, stays quiet.
"""

import cv2
import pandas as pd


class LoanScorer:
    def __init__(self, model, cutoff: float):
        self.model = model
        self.cutoff = cutoff

    def probability(self, applicant: dict) -> float:
        frame = pd.DataFrame([applicant])
        return self.model.predict_proba(frame)[0, 1]

    def postprocess(self, score: float) -> dict:
        decision = "refer" if score > 0.35 else "approve"  # [hardcoded-threshold]
        return {"score": float(score), "decision": decision}

    def configured(self, score: float) -> dict:
        return {"score": float(score), "refer": score > self.cutoff}

    def score(self, applicant: dict) -> dict:
        return self.postprocess(self.probability(applicant))

    def score_with_cutoff(self, applicant: dict) -> dict:
        return self.configured(self.probability(applicant))


def band(income: float) -> str:
    # Called with an applicant's income, never with a model output.
    return "high" if income > 90000 else "standard"


def describe(applicant: dict) -> str:
    return band(applicant["income"])


def faces(image, prototxt: str, weights: str):
    net = cv2.dnn.readNet(prototxt, weights)
    net.setInput(cv2.dnn.blobFromImage(image, 1.0, (300, 300), (104.0, 177.0, 123.0)))
    detections = net.forward()
    kept = []
    for index in range(detections.shape[2]):
        confidence = detections[0, 0, index, 2]
        if confidence > 0.6:  # [hardcoded-threshold]
            kept.append(detections[0, 0, index, 3:7])
    return kept
