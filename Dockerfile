# The dashboard with its data API (serve.py), for self-hosting. Build and run:
#   docker build -t jiangbei-dashboard .
#   docker run -p 8501:8501 jiangbei-dashboard       # then open http://localhost:8501 and /api/indicators.json
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Run as a user who cannot change the app or the data.
RUN useradd --create-home --uid 10001 app
USER app

EXPOSE 8501
# Streamlit's own health endpoint: 200 once the server is up (python, since the slim image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).status != 200)"

CMD ["streamlit", "run", "serve.py", "--server.address=0.0.0.0", "--server.port=8501", "--server.headless=true", \
     "--browser.gatherUsageStats=false"]
