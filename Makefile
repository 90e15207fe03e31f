# Smart and Inclusive Industry: build, test and maintain the course.
# The two commands a newcomer needs:  make book  and  make test.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
JB     := $(VENV)/bin/jupyter-book
# Use the kernel of this virtual environment even if the user has another
# "python3" kernel installed in their home folder.
export JUPYTER_PREFER_ENV_PATH := 1
export PYDEVD_DISABLE_FILE_VALIDATION := 1
# Same hash seed everywhere, so that set and dict orders never change an output.
export PYTHONHASHSEED := 0

NOTEBOOKS := $(wildcard chapters/*.ipynb exercises/*.ipynb)

.PHONY: help setup book i18n-status i18n-update test outputs lab serve lock clean data refresh bundle bench weights student instructor nbgrader grade pdf student-lite

# Language of the classroom editions and feedback reports: en or fr (make student COURSE_LANG=fr).
COURSE_LANG ?= en

# Folder of raw source files for `make data` (see data/README.md).
RAW ?= ../shared/data/raw

help:
	@echo "make book     set up .venv and build the HTML book into _build/html (with its JupyterLite site in lite/)"
	@echo "make test     set up .venv and run every test (notebooks, checkers, build)"
	@echo "make outputs  re-execute the notebooks and store their outputs"
	@echo "make lab      open the notebooks in JupyterLab"
	@echo "make serve    serve the built book on http://127.0.0.1:8000"
	@echo "make bundle   zip the built book for classrooms without internet (opens from disk)"
	@echo "make bench    print build times, test-suite time and page weights"
	@echo "make weights  print the page weights of the built book"
	@echo "make i18n-status  per page, the share of the French translation done"
	@echo "make i18n-update  bring new English text into the translation catalogues (locales/)"
	@echo "make data     rebuild the curated tables in data/ from RAW=<folder of raw files>"
	@echo "make refresh  fetch the same series from the official APIs (needs internet)"
	@echo "make student     write the student editions of the exercises into _build/student"
	@echo "                 (in French: make student COURSE_LANG=fr, into _build/student-fr; the same for instructor, nbgrader, grade)"
	@echo "make student-lite  the student edition in the browser (JupyterLite): _build/lite-student and its .zip"
	@echo "make instructor  write the instructor editions, answer key and teaching notes into _build/instructor"
	@echo "make nbgrader    write nbgrader source notebooks into _build/nbgrader (for a JupyterHub with nbgrader)"
	@echo "make grade SUBMISSIONS=folder  grade handed-in notebooks into _build/grades (ASSIGNMENT=exercises/x.ipynb optional)"
	@echo "make pdf      print the whole book to _build/pdf (learners' and instructor's PDF; needs Chromium)"
	@echo "make lock     re-resolve requirements.lock (maintainers only)"
	@echo "make clean    remove _build"

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed; this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --requirement requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation --editable .
	@touch $@

book: $(STAMP)
	$(JB) build . -W -n --keep-going
	$(PY) tools/i18n.py build --lang fr
	$(PY) tools/lite.py
	@echo
	@echo "The book is ready. Open this file in a web browser:"
	@echo "    $(CURDIR)/_build/html/index.html      (en français : _build/html/fr/index.html)"

test: $(STAMP)
	$(PY) -m pytest

outputs: $(STAMP)
	$(PY) tools/run_notebooks.py $(if $(NB),$(NB),$(NOTEBOOKS))

data: $(STAMP)
	$(PY) -m smartindustry.data build --raw $(RAW)

refresh: $(STAMP)
	$(PY) -m smartindustry.data refresh

# Classroom: editions of the exercise notebooks, and grading (see instructor/index.md).
student: $(STAMP)
	$(PY) -m smartindustry.classroom student --lang $(COURSE_LANG) --out _build/student$(if $(filter-out en,$(COURSE_LANG)),-$(COURSE_LANG))

# The student edition as a JupyterLite site (no solutions), and a zip of it for a teacher to hand out.
student-lite: $(STAMP)
	$(PY) tools/lite.py --edition student --zip

instructor: $(STAMP)
	$(PY) -m smartindustry.classroom instructor --lang $(COURSE_LANG) --out _build/instructor$(if $(filter-out en,$(COURSE_LANG)),-$(COURSE_LANG))

nbgrader: $(STAMP)
	$(PY) -m smartindustry.classroom nbgrader --lang $(COURSE_LANG) --out _build/nbgrader$(if $(filter-out en,$(COURSE_LANG)),-$(COURSE_LANG))

grade: $(STAMP)
	@test -n "$(SUBMISSIONS)" || { echo "Usage: make grade SUBMISSIONS=<folder of handed-in notebooks> [ASSIGNMENT=exercises/<name>.ipynb]"; exit 2; }
	$(PY) -m smartindustry.classroom grade "$(SUBMISSIONS)" --lang $(COURSE_LANG) --out _build/grades $(if $(ASSIGNMENT),--assignment "$(ASSIGNMENT)")

lab: $(STAMP)
	$(VENV)/bin/jupyter lab

serve: book
	$(PY) -m http.server --bind 127.0.0.1 --directory _build/html 8000

# A zip of the site that works unzipped, from disk (file://), with no internet.
bundle: book
	$(PY) tools/bundle.py _build/html _build/smart-inclusive-industry.zip

# Figures, not a test: build times (stored outputs vs force), incremental rebuild,
# test-suite time, page weights. In Chromium if it is installed (apt-get install chromium).
bench: $(STAMP)
	$(PY) tools/bench.py

# The whole book as PDF: one HTML page (jupyter-book's singlehtml builder), printed
# by Chromium (apt-get install chromium) into a learners' and an instructor's PDF.
pdf: $(STAMP)
	$(JB) build . --builder singlehtml -W -n --keep-going
	$(PY) tools/pdf.py _build/singlehtml --out _build/pdf

# Translations: per page, the share of messages translated (see locales/README.md).
i18n-status: $(STAMP)
	$(PY) tools/i18n.py status

# After the English text changed: new messages into the catalogues (changed ones become fuzzy).
i18n-update: $(STAMP)
	$(PY) tools/i18n.py update

weights: book
	$(PY) tools/page_weights.py _build/html

lock:
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet "setuptools>=80" ".[book,test,lab]"
	( echo "# Exact versions of every package the book and the tests use."; \
	  echo "# Regenerate with: make lock   (then rerun make outputs and make test)"; \
	  .lock-venv/bin/pip freeze --all --exclude-editable | grep -v -E '^(smartindustry|pip)==' ) > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf _build
