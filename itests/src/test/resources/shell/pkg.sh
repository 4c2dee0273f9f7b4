# pkg: packages built from folders, indexed, installed with what they need, used, removed
mkdir repo
pkg build hello repo/hello-1.2.0.jar
pkg index repo
pkg -r repo install hello; echo "without greet: status $?"
pkg build greet repo/greet-1.0.0.jar
pkg index repo
pkg -r repo search greet
pkg -r repo install hello; echo "install: status $?"
hello; hello you
pkg -r repo install hello
pkg list
pkg info hello | grep -v '^status'
pkg remove greet; echo "remove greet first: status $?"
pkg remove hello greet
hello; echo "hello after remove: status $?"
pkg list
# requirements on the system: a missing syscall family is refused, present ones pass
pkg build netty repo/netty-0.1.0.jar
pkg build fsuser repo/fsuser-2.0.0.jar
pkg index repo
pkg -r repo install netty; echo "netty: status $?"
pkg -r repo install fsuser; fsuser
pkg info repo/fsuser-2.0.0.jar | grep requires
pkg remove fsuser
# what pkg build refuses
pkg build empty; echo "empty: status $?"
pkg build badname; echo "badname: status $?"
pkg build nosuchdir; echo "nosuchdir: status $?"
pkg -r repo install nosuchpackage; echo "nosuchpackage: status $?"
pkg frobnicate; echo "usage: status $?"
# a configured repository, and an update to a newer version
pkg repo add repo
pkg repo
pkg install hello
pkg build hello13 repo/hello-1.3.0.jar
pkg index repo
pkg update
hello
pkg update
pkg list
