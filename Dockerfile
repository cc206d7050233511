# rnnviz: the Streamlit app on port 8501, served by `rnnviz serve` from the installed package.
#   docker build -t rnnviz . && docker run --rm -p 8501:8501 rnnviz
# PYTHON_IMAGE is the base of both stages: python:3.11-slim, or a copy of it from another registry
# (docker build --build-arg PYTHON_IMAGE=registry.example.org/python:3.11-slim ...).
ARG PYTHON_IMAGE=python:3.11-slim

# Build stage: a virtual environment with the pinned requirements and the rnnviz package.
FROM ${PYTHON_IMAGE} AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH

RUN python -m venv /opt/venv

WORKDIR /src
# Dependencies first, so code changes do not reinstall them.
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

COPY . .
RUN pip install --no-cache-dir --no-deps . && rnnviz list > /dev/null

# The image: the base, the virtual environment and an unprivileged user; no source tree, no pip cache.
FROM ${PYTHON_IMAGE}

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH

RUN groupadd --gid 10001 rnnviz \
    && useradd --no-log-init --create-home --uid 10001 --gid 10001 rnnviz

COPY --from=build /opt/venv /opt/venv

USER 10001:10001
WORKDIR /home/rnnviz

EXPOSE 8501
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4)"]

CMD ["rnnviz", "serve", "--address", "0.0.0.0", "--port", "8501", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
