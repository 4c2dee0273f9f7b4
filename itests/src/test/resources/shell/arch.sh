arch; uname -m
arch x; echo "status $?"
