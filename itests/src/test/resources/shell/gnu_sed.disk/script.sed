s/one/1/
/three/,/five/{
  s/^/> /
}
$a\
the end
