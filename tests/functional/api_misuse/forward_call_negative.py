"""``forward`` that is not a PyTorch module's: an OpenCV DNN face detector and a project's own pipeline.

``cv2.dnn`` networks are run with ``net.forward()``; that is their API. A
class of the project that merely has a ``forward`` method is not a module,
and an unknown object passed in stays quiet too.
"""

import cv2
import numpy as np

from faces.config import settings


class FeaturePipeline:
    def forward(self, frame: np.ndarray) -> np.ndarray:
        return cv2.resize(frame, (settings.size, settings.size))


face_net = cv2.dnn.readNet(settings.prototxt, settings.weights)
pipeline = FeaturePipeline()


def detect_faces(frame: np.ndarray) -> np.ndarray:
    blob = cv2.dnn.blobFromImage(pipeline.forward(frame), 1.0, (settings.size, settings.size))
    face_net.setInput(blob)
    return face_net.forward()


def run_stage(stage, batch):
    return stage.forward(batch)
