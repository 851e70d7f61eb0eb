;;; eglot-verify.el --- Emacs + eglot against the Postmortem language server -*- lexical-binding: t -*-
;;
;; Run: POSTMORTEM_SERVER=dist/server.js POSTMORTEM_FILE=some/postmortem.md \
;;        emacs --batch -l test/protocol/eglot-verify.el
;; Opens the postmortem with the eglot setup of docs/editors.md, waits for the server's
;; diagnostics, applies the preferred quick fix of the first diagnostic through eglot's own
;; code action path, waits for the diagnostics to follow the edit, and lists the document's
;; symbols as imenu shows them. Each result is a line on stdout (DIAGNOSTIC, ACTION, FIXED,
;; LINE, SYMBOL); test/protocol/eglot.test.ts reads them. Exits 3 when something does not arrive.

;; Debian's elpa-* packages (elpa-eglot) are packages: they load once the package system starts.
(require 'package)
(package-initialize)
(require 'eglot)
(require 'imenu)
(require 'flymake)

(defvar pm-server (or (getenv "POSTMORTEM_SERVER") (error "POSTMORTEM_SERVER is not set")))
(defvar pm-file (or (getenv "POSTMORTEM_FILE") (error "POSTMORTEM_FILE is not set")))
(defvar pm-timeout (string-to-number (or (getenv "POSTMORTEM_TIMEOUT") "30")))

;; Debian's Emacs has no markdown-mode unless elpa-markdown-mode is installed; eglot names
;; the language after the mode ("markdown"), which is all the server needs.
(unless (fboundp 'markdown-mode)
  (define-derived-mode markdown-mode text-mode "Markdown"))

;; The setup docs/editors.md gives, with the built server in place of the installed command,
;; and settings the server pulls with workspace/configuration.
(add-to-list 'eglot-server-programs `(markdown-mode . ("node" ,pm-server "--stdio")))
(setq-default eglot-workspace-configuration '(:postmortem (:rules (:missing-section "warning"))))

(defun pm-out (format-string &rest args)
  (princ (concat (apply #'format format-string args) "\n")))

(defun pm-wait (what predicate)
  "Process events until PREDICATE holds; exit 3 naming WHAT after `pm-timeout' seconds."
  (let ((deadline (+ (float-time) pm-timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (or (funcall predicate)
        (progn (pm-out "TIMEOUT waiting for %s" what) (kill-emacs 3)))))

(defun pm-lsp-diagnostics ()
  "The buffer's flymake diagnostics that came from the server, by position."
  (flymake-start)
  (sort (cl-loop for diag in (flymake-diagnostics)
                 for lsp = (cdr (assoc 'eglot-lsp-diag (eglot--diag-data diag)))
                 when lsp collect (cons diag lsp))
        (lambda (a b) (< (flymake-diagnostic-beg (car a)) (flymake-diagnostic-beg (car b))))))

(defun pm-print-diagnostics ()
  (dolist (pair (pm-lsp-diagnostics))
    (pm-out "DIAGNOSTIC %d %s %s %s" (line-number-at-pos (flymake-diagnostic-beg (car pair)))
            (flymake-diagnostic-type (car pair)) (plist-get (cdr pair) :code) (plist-get (cdr pair) :message))))

(find-file pm-file)
(markdown-mode)
(apply #'eglot (eglot--guess-contact))
(pm-wait "the server" (lambda () (eglot-current-server)))
(pm-wait "diagnostics" (lambda () (pm-lsp-diagnostics)))
(pm-print-diagnostics)

;; The first diagnostic's preferred quick fix, executed as `M-x eglot-code-actions' would.
(let* ((first (car (pm-lsp-diagnostics)))
       (code (plist-get (cdr first) :code))
       (message (plist-get (cdr first) :message))
       (tick (buffer-modified-tick))
       (actions (eglot-code-actions (flymake-diagnostic-beg (car first)) (flymake-diagnostic-end (car first)) "quickfix"))
       (chosen (or (cl-find-if (lambda (a) (plist-get a :isPreferred)) actions) (car actions))))
  (dolist (action actions) (pm-out "ACTION %s%s" (plist-get action :title) (if (eq action chosen) " (preferred)" "")))
  (eglot--read-execute-code-action (list chosen) (eglot-current-server) "quickfix")
  (pm-wait "the quick fix's edit" (lambda () (/= tick (buffer-modified-tick))))
  ;; Eglot sends the edit (didChange) from an idle timer, and batch Emacs is never idle: run
  ;; that timer as an idle moment would.
  (when eglot--change-idle-timer (timer-event-handler eglot--change-idle-timer))
  ;; The server checks the edited text (debounced) and publishes again, without this finding.
  (pm-wait "diagnostics after the fix"
           (lambda () (not (cl-find-if (lambda (pair) (equal (plist-get (cdr pair) :message) message))
                                       (pm-lsp-diagnostics)))))
  (pm-out "FIXED %s" code)
  (pm-print-diagnostics)
  (dolist (line (split-string (buffer-string) "\n")) (pm-out "LINE %s" line)))

;; Symbols, as `M-x imenu' offers them (eglot's imenu index from textDocument/documentSymbol).
(let ((index (funcall imenu-create-index-function)))
  (cl-labels ((walk (items depth)
                (dolist (item items)
                  (if (imenu--subalist-p item)
                      (progn (pm-out "SYMBOL %s%s/" (make-string (* 2 depth) ?\s) (car item))
                             (walk (cdr item) (1+ depth)))
                    (pm-out "SYMBOL %s%s" (make-string (* 2 depth) ?\s) (car item))))))
    (walk index 0)))

(eglot-shutdown (eglot-current-server))
(kill-emacs 0)
