#ifndef CROOM_H
#define CROOM_H
// The few POSIX calls the room needs that Swift cannot call directly: variadic ones (prctl,
// ioctl) and ones glibc only declares under _GNU_SOURCE or in <pty.h>.
#include <spawn.h>
#include <sys/types.h>

// openpty with the given size; fills the slave's path. 0 on success, else -1 and errno.
int croom_openpty(int *master, int *slave, char *name, int name_len, unsigned short rows, unsigned short cols);
// TIOCSWINSZ on a pty master: the kernel then sends SIGWINCH to the child's process group.
int croom_set_winsize(int fd, unsigned short rows, unsigned short cols);
// POSIX_SPAWN_SETSID: the child leads a new session, so the pty becomes its controlling terminal.
short croom_spawn_setsid_flag(void);
// Closes every descriptor >= from in the child (glibc 2.34+); 0 when done, else an errno.
int croom_spawn_closefrom(posix_spawn_file_actions_t *actions, int from);
// prctl(PR_SET_PDEATHSIG, sig): the child gets `sig` when the process that made it dies.
int croom_set_parent_death_signal(int sig);
// pipe2(fds, O_CLOEXEC): no other child inherits either end.
int croom_pipe_cloexec(int fds[2]);

#endif
