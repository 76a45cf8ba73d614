/* claimcheck-parent.js: resizes claimcheck iframes on pages without pym.js. */
addEventListener("message",function(e){var d=e.data,h=d&&d["claimcheck-height"];if(typeof h!="number"||!(h>0))return;var f=document.getElementsByTagName("iframe");for(var i=0;i<f.length;i++)if(f[i].contentWindow===e.source)f[i].setAttribute("height",Math.ceil(h))});
