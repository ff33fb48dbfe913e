window.copseSearchIndex = {"version":1,"alphabet":"!#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~","terminals":64,"communities":[["leeds","Leeds Primary Computing"],["york","York Secondary Computing"]],"kinds":[["community","Community"],["charter","Charter"],["norms","Norms"],["planning","Planning document"],["meeting","Meeting notes"],["resource","Resource"],["page","Page"]],"words":"the and its to We in is our Back Leeds README, See The This Working York a all are charter communities community first folder. groups meeting notes notes. on working 2019. A AI All Charter. Computing. Each Notes One README Read Readme.md. Secondary Up as autumn by classroom. communities. community, date. every file folder folder's from git group group's group: groups. here host hub. keeps kept latest: lessons. meet meeting, named not of or own page page. papers. per planned planning. profile read reads repository same share site: slides started talk that this three too. whose year. yet:","pages":[
["index.html","Working Groups Archive",-1,6,"","","/c6c5!c7>2Za#>!c9UXI($c.+#1C60:"],
["communities/index.html","Communities",-1,6,"","","F7c!$,5#;<'$c,9-+#1LE"],
["communities/leeds/index.html","Leeds Primary Computing",0,0,"","","&c;N2?['@J)5#!;=.c:Y)8c<4c#`c@"],
["communities/leeds/charter/index.html","Charter",0,1,"","","&c&%c8c%*%),%c>Wc+!b"],
["communities/leeds/meetings/2026-10-01-autumn/index.html","Autumn planning",0,4,"2026-10-01","Thursday 1 October 2026","&c1!cB-!S3<#D"],
["communities/leeds/meetings/index.html","Meeting notes",0,6,"","","HVc0c'c(P$T.c$Oc2"],
["communities/york/index.html","York Secondary Computing",1,0,"","","A7cAc3($KM%3R"],
["working-groups/index.html","Working groups",-1,6,"","","0:c=4c)6cCB'!Q"],
["working-groups/ai/index.html","AI in the classroom",-1,6,"","","Gc*!^8=*%!?_"],
["working-groups/ai/notes/index.html","First notes",-1,6,"","","&c4c?c//]c-($9"]
]};
