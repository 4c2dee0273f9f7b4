# * ? [...] expanded against the filesystem
mkdir -p g/sub
touch g/a.txt g/b.txt g/c.peb g/.hidden g/sub/d.txt g/ab.txt
cd g
echo *
echo *.txt
echo ?.txt
echo [ab].txt
echo [!a]*.txt
echo .*
echo */*.txt
echo sub/*
echo /etc/pro*
echo "*.txt" '*.txt' \*.txt
echo nomatch*.xyz
P='*.peb'; echo $P "$P"
ls *.peb
cd ..
echo g/*.peb
