// Debian's libqrencode (libqrencode-dev): the room's web address as a QR code for the projector.
#ifndef PERSPECTIEF_CQRENCODE_SHIM_H
#define PERSPECTIEF_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
