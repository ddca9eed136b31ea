// poppler-glib: PDF pages, their words and the boxes of their characters.
#include <poppler.h>
