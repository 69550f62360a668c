#define _GNU_SOURCE
#include "croom.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <pty.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <termios.h>

int croom_openpty(int *master, int *slave, char *name, int name_len, unsigned short rows, unsigned short cols) {
    struct winsize ws = {.ws_row = rows, .ws_col = cols, .ws_xpixel = 0, .ws_ypixel = 0};
    char buf[4096];
    if (openpty(master, slave, buf, NULL, &ws) != 0) return -1;
    if ((int)strlen(buf) >= name_len) { errno = ENAMETOOLONG; return -1; }
    strcpy(name, buf);
    return 0;
}

int croom_set_winsize(int fd, unsigned short rows, unsigned short cols) {
    struct winsize ws = {.ws_row = rows, .ws_col = cols, .ws_xpixel = 0, .ws_ypixel = 0};
    return ioctl(fd, TIOCSWINSZ, &ws);
}

short croom_spawn_setsid_flag(void) { return POSIX_SPAWN_SETSID; }

int croom_spawn_closefrom(posix_spawn_file_actions_t *actions, int from) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
#else
    (void)actions; (void)from;
    return ENOSYS;
#endif
}

int croom_set_parent_death_signal(int sig) { return prctl(PR_SET_PDEATHSIG, sig); }

int croom_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }
