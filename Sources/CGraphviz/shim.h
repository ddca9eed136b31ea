#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

/* cgraph's lexer keeps its buffer after a syntax error; the next read then counts its lines
   from where the failed one stopped. Exported by libcgraph, declared only in its private
   header (cghdr.h): flushing the buffer before each read keeps "line N" in messages true. */
extern void aglexbad(void);
