// libxml2's HTML parser. Debian builds libxml2 with ICU, whose headers clash with the copy
// of ICU inside Swift's Foundation; Portolan never touches the encoding handlers that need
// ICU, so their ICU parts are left out here (pointers to them keep their size).
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
