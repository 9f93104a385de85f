# Counts nodes per type in an upstream ProGraML/HARP .gexf graph (read from
# zcat): prints "instruction variable constant pragma block" (the external
# node is counted apart, as upstream stores it as an instruction).
/<attributes class="node"/ { in_node_attrs = 1 }
/<\/attributes>/ { in_node_attrs = 0 }
in_node_attrs && /title="type"/ { match($0, /id="[0-9]+"/); type_id = substr($0, RSTART + 4, RLENGTH - 5) }
in_node_attrs && /title="text"/ { match($0, /id="[0-9]+"/); text_id = substr($0, RSTART + 4, RLENGTH - 5) }
/<node / { in_node = 1; external = 0 }
in_node && index($0, "for=\"" text_id "\" value=\"[external]\"") { external = 1 }
in_node && index($0, "for=\"" type_id "\" value=") {
  match($0, /value="[0-9]+"/); t = substr($0, RSTART + 7, RLENGTH - 8)
}
/<\/node>/ { if (external) ext++; else count[t]++; in_node = 0 }
END { printf "%d %d %d %d %d %d\n", count[0], count[1], count[2], count[3], count[4], ext }
