// Preloaded under Valgrind by scripts/instructions. Valgrind 3.19 rewrites the signal mask that
// rt_sigsuspend is given in place; libdispatch's main thread (`dispatch_main`, which sipas's async
// entry point parks in) passes a mask in read-only memory, and Valgrind then stops with an internal
// SIGSEGV. This sigsuspend passes a writable copy of the same mask to the same system call.
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, _NSIG / 8);
}
