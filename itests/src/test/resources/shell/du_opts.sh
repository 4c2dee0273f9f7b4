# du's options over a known tree (sizes are bytes: GNU du -b without the folders' own 4096)
mkdir -p t/a/b t/c
printf 12345 > t/one; printf 1234567890 > t/a/two; printf 123 > t/a/b/three; printf 1 > t/c/four
du t
du -s t t/a
du -c t/a t/c
du -d 1 t
du --max-depth=0 t/a
du -a -d 1 t
du -sh t
du -s -a t; echo "status $?"
du -d x t; echo "status $?"
