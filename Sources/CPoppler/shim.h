// poppler-glib: PDF pages, their words and the boxes of their characters; cairo, to draw a page
// into memory when its ruled lines are needed.
#include <poppler.h>
