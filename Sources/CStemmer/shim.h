// Snowball stemmers (Debian's libstemmer-dev): Dutch and English stems for the grouping
// proposals. The library's own header is plain C and imports as is.
#ifndef PERSPECTIEF_CSTEMMER_SHIM_H
#define PERSPECTIEF_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif
