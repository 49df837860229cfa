"""A loan-approval view whose model is handed in by the caller: no ML import, still ML code.

The module calls `predict_proba`, so the rules that follow model outputs look
at it even though it imports nothing from scikit-learn.
"""

from django.http import JsonResponse

from .registry import current_model


def approve(request):
    applicant = [[float(request.POST["income"]), float(request.POST["debt_ratio"])]]
    risk = current_model().predict_proba(applicant)[0][1]
    return JsonResponse({"approved": bool(risk < 0.35)})  # [hardcoded-threshold]
