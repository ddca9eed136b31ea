#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/xdot.h>
