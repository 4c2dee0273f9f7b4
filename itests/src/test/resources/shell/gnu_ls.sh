# ls against GNU coreutils 9.1 (tools/gnu-expected); -p is GNU's '/' after folders, which this ls always writes
mkdir -p t/sub/deep t/other t2
echo a > t/small; echo hello world > t/big.txt; printf 12345 > t/mid; echo h > t/.hidden
echo x > t/sub/f; echo y > t/sub/deep/g; echo z > t/Upper
echo 'echo hi' > t/run.sh; chmod 755 t/run.sh
echo 1 > t2/one; sleep 1; echo 2 > t2/two; sleep 1; echo 3 > t2/three
ls -p t
ls -p1 t
ls -pA t
ls -pr t
ls -pR t
ls -pRr t/sub
ls -pd t t/sub
ls -pd t/small
ls -F t
ls -p t/big.txt t/mid t/small
ls -pS t/big.txt t/mid t/small
ls -pSr t/big.txt t/mid t/small
ls -pt t2
ls -ptr t2
ls -pt1 t2/one t2/three t2/two
ls -p t/small t/sub
ls -p t/nosuch t/small; echo "status $?"
ls -y; echo "status $?"
